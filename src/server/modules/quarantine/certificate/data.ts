/** What one release certificate shows; the caller has already chosen and masked the data. */
export interface CertificateData {
  /** e.g. 'GCN-2021-000123' */
  certificateNo: string;
  /** e.g. 'Thành phố Cần Thơ' */
  provinceName: string;
  /** The agency above the facility, top-left of the header, e.g. 'Bộ Chỉ huy Quân sự thành phố'. */
  managingAgency: string;
  /** e.g. 'Khu cách ly tập trung Trường Quân sự' */
  facilityName: string;
  /** Where it is issued, e.g. 'Cần Thơ' (in "Cần Thơ, ngày 05 tháng 08 năm 2021"). */
  placeName: string;
  personName: string;
  birthYear: number | null;
  /** Already masked by the caller if needed; the line is left out when null. */
  nationalId: string | null;
  /** Residence. */
  address: string;
  /** e.g. 'F1 cách ly tập trung' */
  situationName: string;
  /** Calendar days as ISO 'YYYY-MM-DD'. */
  startedOn: string;
  lastDay: string;
  releasedOn: string;
  /** Health monitoring at home until this day; equal to lastDay when there is none. */
  monitoringUntil: string;
  /** e.g. [{ day: '2021-07-20', result: 'Âm tính' }] */
  tests: { day: string; result: string }[];
  signer: string;
  /** e.g. 'Trưởng khu cách ly' */
  signerTitle: string;
  /** Absolute or relative URL the QR code encodes. */
  verifyUrl: string;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;

function dayParts(iso: string): [string, string, string] {
  const m = ISO_DAY.exec(iso);
  if (!m) throw new RangeError(`Not an ISO calendar day: '${iso}'`);
  return [m[1], m[2], m[3]];
}

/** A calendar day 'YYYY-MM-DD' as 'dd/MM/yyyy', without any time-zone conversion. */
export function formatDay(iso: string): string {
  const [y, m, d] = dayParts(iso);
  return `${d}/${m}/${y}`;
}

/** The place-and-date line of an administrative document: 'Cần Thơ, ngày 05 tháng 08 năm 2021'. */
export function placeDateLine(place: string, iso: string): string {
  const [y, m, d] = dayParts(iso);
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
}
