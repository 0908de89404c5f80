import type { z } from 'zod';
import { formatNumber as num, formatPercent as pct, type Locale } from '../format';
import type { riskLevel2686 } from '../rule-sets/kinds';
import { levelColour, per100k, plural, reason, type Assessment, type ChildLevel, type Rank, type Reason, type Regime, type UnitFigures } from './common';

/** Regime A: QĐ 2686/QĐ-BCĐQG (31/5/2021), domain-vn.md §1.1. */
export type RiskLevel2686Payload = z.infer<typeof riskLevel2686>;
type Code = RiskLevel2686Payload['levels'][number]['code'];

const RANK: Record<Code, Rank> = { NEW_NORMAL: 1, RISK: 2, HIGH: 3, VERY_HIGH: 4 };
const NAME_EN: Record<Code, string> = { NEW_NORMAL: 'New normal', RISK: 'At risk', HIGH: 'High risk', VERY_HIGH: 'Very high risk' };
type Above = Exclude<Code, 'NEW_NORMAL'>;
/** "ở mức nguy cơ cao trở lên": the level and those above it, as reasons name them. */
const AT_OR_ABOVE: Record<Above, { vi: string; en: string }> = {
  RISK: { vi: 'ở mức nguy cơ trở lên', en: 'at risk or above' },
  HIGH: { vi: 'ở mức nguy cơ cao trở lên', en: 'at high risk or above' },
  VERY_HIGH: { vi: 'ở mức nguy cơ rất cao', en: 'at very high risk' },
};

const result = (code: Code, reasons: Reason[]): Assessment => ({ code, rank: RANK[code], reasons, missing: [] });

/** A commune: the highest level for which any one factor holds, checked from the top. */
function assessCommune(p: RiskLevel2686Payload, f: UnitFigures): Assessment {
  const veryHigh: Reason[] = [];
  if (f.unknownSourceCases14d > 0) {
    const n = f.unknownSourceCases14d;
    veryHigh.push(
      reason('unknown_source', (l) =>
        l === 'vi' ? `${num(n, l)} ca F0 chưa rõ nguồn lây trong 14 ngày` : `${num(n, l)} case${plural(n)} with an unknown source in 14 days`,
      ),
    );
  }
  if (f.highContactCases14d > 0) {
    const n = f.highContactCases14d;
    veryHigh.push(
      reason('high_contact', (l) =>
        l === 'vi'
          ? `${num(n, l)} ca F0 ở nơi tiếp xúc đông người (trường học, bệnh viện, chợ…) trong 14 ngày`
          : `${num(n, l)} case${plural(n)} in a high-contact place (school, hospital, market…) in 14 days`,
      ),
    );
  }
  if (veryHigh.length) return result('VERY_HIGH', veryHigh);

  const n = f.communityCases14d;
  const rate = per100k(n, f.population);
  const threshold = p.highIncidencePer100k14d;
  const unknownPopulation =
    n > 0 && f.population <= 0
      ? [
          reason('population_zero', (l) =>
            l === 'vi' ? 'Chưa có số dân: tỷ lệ trên 100.000 dân tính bằng 0' : 'No population figure: the rate per 100,000 counts as 0',
          ),
        ]
      : [];
  const incidence = (l: Locale) =>
    l === 'vi'
      ? `${num(n, l)} ca F0 cộng đồng đã rõ nguồn lây trong 14 ngày: ${num(rate, l)}/100.000 dân`
      : `${num(n, l)} community case${plural(n)} with a known source in 14 days: ${num(rate, l)} per 100,000`;
  if (rate > threshold) {
    return result('HIGH', [
      reason('incidence_above', (l) => `${incidence(l)} (${l === 'vi' ? 'ngưỡng nguy cơ cao: trên' : 'high-risk threshold: above'} ${num(threshold, l)})`),
    ]);
  }

  const risk: Reason[] = [...unknownPopulation];
  if (n > 0) {
    risk.push(reason('incidence_below', (l) => `${incidence(l)} (${l === 'vi' ? 'không vượt ngưỡng' : 'not above'} ${num(threshold, l)})`));
  }
  if (f.containedCases14d > 0) {
    const c = f.containedCases14d;
    risk.push(
      reason('contained', (l) =>
        l === 'vi'
          ? `${num(c, l)} ca F0 phát hiện trong khu cách ly, vùng phong tỏa hoặc khi cách ly tại nhà trong 14 ngày`
          : `${num(c, l)} case${plural(c)} found in quarantine, a lockdown zone or home quarantine in 14 days`,
      ),
    );
  }
  const days = f.daysSinceCommunityCase;
  const needed = p.newNormalDaysWithoutCommunityCase;
  if (n === 0 && days !== null && days < needed) {
    risk.push(
      reason('recent_community', (l) =>
        l === 'vi'
          ? `Ca F0 cộng đồng gần nhất cách đây ${num(days, l)} ngày (chưa đủ ${num(needed, l)} ngày)`
          : `Last community case ${num(days, l)} day${plural(days)} ago (fewer than ${num(needed, l)} days)`,
      ),
    );
  }
  if (risk.length) return result('RISK', risk);

  return result('NEW_NORMAL', [
    days === null
      ? reason('no_community_case', (l) => (l === 'vi' ? 'Chưa ghi nhận ca F0 cộng đồng' : 'No community case recorded'))
      : reason('days_without_community_case', (l) =>
          l === 'vi'
            ? `Không có ca F0 cộng đồng trong ${num(days, l)} ngày (ngưỡng ${num(needed, l)} ngày)`
            : `No community case for ${num(days, l)} day${plural(days)} (threshold ${num(needed, l)} days)`,
        ),
  ]);
}

function rankOfChild(c: ChildLevel): Rank {
  if (!Object.hasOwn(RANK, c.code)) throw new Error(`risk_level_2686: unit ${c.unitCode} has level ${JSON.stringify(c.code)}, not a level of this regime`);
  return RANK[c.code as Code];
}

/** A district from its communes, or a province from its districts: shares of children at or above a level. */
function assessRollUp(p: RiskLevel2686Payload, tier: 'district' | 'province', children: ChildLevel[]): Assessment {
  const unit = tier === 'district' ? { vi: 'xã', en: 'communes' } : { vi: 'huyện', en: 'districts' };
  const total = children.length;
  if (total === 0) {
    return result('NEW_NORMAL', [reason('no_children', (l) => (l === 'vi' ? `Chưa có mức của ${unit.vi} nào` : `No ${unit.en} have a level yet`))]);
  }
  const ranks = children.map(rankOfChild);
  const atOrAbove = (code: Above) => ranks.filter((r) => r >= RANK[code]).length;
  const share = (code: Above) => atOrAbove(code) / total;
  /** "3/10 xã (30%) ở mức nguy cơ rất cao (ngưỡng từ 30%)". */
  const shareReason = (key: string, code: Above, cut: number) =>
    reason(key, (l) => {
      const k = atOrAbove(code);
      const head = `${num(k, l)}/${num(total, l)} ${l === 'vi' ? unit.vi : unit.en} (${pct(k / total, l)}) ${AT_OR_ABOVE[code][l]}`;
      return `${head} (${l === 'vi' ? 'ngưỡng từ' : 'threshold'} ${pct(cut, l)}${l === 'vi' ? '' : ' or more'})`;
    });
  const anyReason = (key: string, code: Above) =>
    reason(key, (l) =>
      l === 'vi'
        ? `${num(atOrAbove(code), l)}/${num(total, l)} ${unit.vi} ${AT_OR_ABOVE[code].vi}`
        : `${num(atOrAbove(code), l)} of ${num(total, l)} ${unit.en} ${AT_OR_ABOVE[code].en}`,
    );

  const veryHigh: Reason[] = [];
  if (share('VERY_HIGH') >= p.districtVeryHighShareOfVeryHighCommunes)
    veryHigh.push(shareReason('share_very_high', 'VERY_HIGH', p.districtVeryHighShareOfVeryHighCommunes));
  if (share('HIGH') >= p.districtVeryHighShareOfHighCommunes) veryHigh.push(shareReason('share_high', 'HIGH', p.districtVeryHighShareOfHighCommunes));
  if (veryHigh.length) return result('VERY_HIGH', veryHigh);

  const high: Reason[] = [];
  if (share('HIGH') >= p.districtHighShareOfHighCommunes) high.push(shareReason('share_high', 'HIGH', p.districtHighShareOfHighCommunes));
  if (share('RISK') >= p.districtHighShareOfRiskCommunes) high.push(shareReason('share_risk', 'RISK', p.districtHighShareOfRiskCommunes));
  if (p.districtHighIfAnyVeryHigh && atOrAbove('VERY_HIGH') > 0) high.push(anyReason('any_very_high', 'VERY_HIGH'));
  if (high.length) return result('HIGH', high);

  if (atOrAbove('RISK') > 0) return result('RISK', [anyReason('any_risk', 'RISK')]);
  return result('NEW_NORMAL', [
    reason('none_at_risk', (l) =>
      l === 'vi' ? `Không ${unit.vi} nào ${AT_OR_ABOVE.RISK.vi} (0/${num(total, l)})` : `None of ${num(total, l)} ${unit.en} ${AT_OR_ABOVE.RISK.en}`,
    ),
  ]);
}

export const regime2686: Regime<RiskLevel2686Payload> = {
  kind: 'risk_level_2686',
  levels: (p) =>
    p.levels
      .map((level) => ({
        code: level.code,
        rank: RANK[level.code],
        nameVi: level.nameVi,
        nameEn: NAME_EN[level.code],
        colour: levelColour(level.colour, RANK[level.code]),
      }))
      .sort((a, b) => a.rank - b.rank),
  assess: (p, input) => (input.tier === 'commune' ? assessCommune(p, input.figures) : assessRollUp(p, input.tier, input.children)),
};
