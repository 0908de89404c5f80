import type { z } from 'zod';
import { formatNumber as num, formatPercent as pct, type Locale } from '../format';
import type { riskLevel4800 } from '../rule-sets/kinds';
import { levelColour, per100k, reason, type Rank, type Reason, type Regime } from './common';

/** Regime B: NQ 128/NQ-CP + QĐ 4800/QĐ-BYT (11–12/10/2021), domain-vn.md §1.2. Any tier, from its own figures. */
export type RiskLevel4800Payload = z.infer<typeof riskLevel4800>;

const NAME_EN: Record<Rank, string> = { 1: 'Low risk (new normal)', 2: 'Moderate risk', 3: 'High risk', 4: 'Very high risk' };
const toRank = (n: number): Rank => Math.min(4, Math.max(1, Math.round(n))) as Rank;
/** A previous level of this regime ('1'..'4'), or null when it came from another regime or is not a level. */
const rankOfCode = (code: string): Rank | null => (/^[1-4]$/.test(code) ? (Number(code) as Rank) : null);

/** "50–<150" for band 3 of [20, 50, 150]. */
function bandRange(bounds: readonly number[], band: number, l: Locale): string {
  if (band === 1) return `<${num(bounds[0], l)}`;
  if (band > bounds.length) return `≥${num(bounds[bounds.length - 1], l)}`;
  return `${num(bounds[band - 2], l)}–<${num(bounds[band - 1], l)}`;
}

export const regime4800: Regime<RiskLevel4800Payload> = {
  kind: 'risk_level_4800',
  levels: (p) =>
    p.levels
      .map((level) => {
        const rank = toRank(level.level);
        return { code: String(rank), rank, nameVi: level.nameVi, nameEn: NAME_EN[rank], colour: levelColour(level.colour, rank) };
      })
      .sort((a, b) => a.rank - b.rank),

  assess: (p, { figures: f, previous }) => {
    const reasons: Reason[] = [];

    // Criterion 1: new community cases per 100,000 in 7 days, placed in a band.
    if (f.population <= 0) {
      reasons.push(
        reason('population_zero', (l) => (l === 'vi' ? 'Chưa có số dân: tỷ lệ mắc mới tính bằng 0' : 'No population figure: the incidence counts as 0')),
      );
    }
    const incidence = per100k(f.communityCases7d, f.population);
    const bounds = p.incidenceBandUpperBounds;
    const band = 1 + bounds.filter((b) => b <= incidence).length;
    reasons.push(
      reason('incidence', (l) =>
        l === 'vi'
          ? `${num(incidence, l)} ca cộng đồng/100.000 dân trong 7 ngày (mức ${band}: ${bandRange(bounds, band, l)})`
          : `${num(incidence, l)} community cases per 100,000 in 7 days (band ${band}: ${bandRange(bounds, band, l)})`,
      ),
    );

    // Criterion 2: people ≥18 with at least one dose; not entered counts as not met.
    const coverage = f.adultFirstDoseCoverage;
    const coverageCut = p.adultFirstDoseCoverageCut;
    const coverageMet = coverage !== null && coverage >= coverageCut;
    reasons.push(
      coverage === null
        ? reason('coverage_missing', (l) =>
            l === 'vi'
              ? `Chưa nhập tỷ lệ người ≥18 tuổi đã tiêm ≥1 mũi: coi như chưa đạt (ngưỡng ${pct(coverageCut, l)})`
              : `Share of people ≥18 with ≥1 dose not entered: treated as not met (threshold ${pct(coverageCut, l)})`,
          )
        : reason('coverage', (l) =>
            l === 'vi'
              ? `${pct(coverage, l)} người ≥18 tuổi đã tiêm ≥1 mũi (${coverageMet ? 'đạt' : 'chưa đạt'} ngưỡng ${pct(coverageCut, l)})`
              : `${pct(coverage, l)} of people ≥18 have ≥1 dose (threshold ${pct(coverageCut, l)} ${coverageMet ? 'met' : 'not met'})`,
          ),
    );

    // Criterion 3: treatment capacity; not entered counts as met.
    const capacityMet = f.capacityMet !== false;
    reasons.push(
      f.capacityMet === null
        ? reason('capacity_missing', (l) =>
            l === 'vi' ? 'Chưa nhập khả năng thu dung, điều trị: coi như đạt' : 'Treatment capacity not entered: treated as met',
          )
        : reason('capacity', (l) =>
            l === 'vi'
              ? `${capacityMet ? 'Đạt' : 'Chưa đạt'} tiêu chí khả năng thu dung, điều trị`
              : `Treatment capacity criterion ${capacityMet ? 'met' : 'not met'}`,
          ),
    );

    const column = !capacityMet ? 2 : coverageMet ? 0 : 1;
    let rank = toRank(p.matrix[band - 1][column]);
    const columnText = {
      vi: ['đạt tiêu chí 2 và 3', 'chưa đạt tiêu chí 2', 'chưa đạt tiêu chí 3'],
      en: ['criteria 2 and 3 met', 'criterion 2 not met', 'criterion 3 not met'],
    };
    reasons.push(
      reason('matrix', (l) =>
        l === 'vi'
          ? `Ma trận cấp độ: mức ${band}, ${columnText.vi[column]} → cấp ${rank}`
          : `Level matrix: band ${band}, ${columnText.en[column]} → level ${rank}`,
      ),
    );

    // People ≥50 fully vaccinated below the cut: one level up, unless already at 4 or there are no cases.
    const over50 = f.over50FullCoverage;
    const over50Cut = p.over50FullCoverageCut;
    const over50Text = (l: Locale) =>
      l === 'vi'
        ? `${pct(over50, l)} người ≥50 tuổi tiêm đủ liều (dưới ${pct(over50Cut, l)})`
        : `${pct(over50, l)} of people ≥50 fully vaccinated (below ${pct(over50Cut, l)})`;
    if (over50 === null) {
      reasons.push(
        reason('over50_missing', (l) =>
          l === 'vi'
            ? 'Chưa nhập tỷ lệ người ≥50 tuổi tiêm đủ liều: không xét nâng cấp'
            : 'Share of people ≥50 fully vaccinated not entered: no raise considered',
        ),
      );
    } else if (over50 >= over50Cut) {
      reasons.push(
        reason('over50', (l) =>
          l === 'vi'
            ? `${pct(over50, l)} người ≥50 tuổi tiêm đủ liều (đạt ngưỡng ${pct(over50Cut, l)})`
            : `${pct(over50, l)} of people ≥50 fully vaccinated (threshold ${pct(over50Cut, l)} met)`,
        ),
      );
    } else if (rank === 4) {
      reasons.push(reason('over50_at_top', (l) => `${over50Text(l)}${l === 'vi' ? ': không nâng, đã ở cấp 4' : ': no raise, already at level 4'}`));
    } else if (f.totalCases7d === 0) {
      reasons.push(
        reason('over50_no_cases', (l) => `${over50Text(l)}${l === 'vi' ? ': không nâng, không có ca mắc trong 7 ngày' : ': no raise, no cases in 7 days'}`),
      );
    } else {
      rank = toRank(rank + 1);
      reasons.push(reason('over50_raise', (l) => `${l === 'vi' ? 'Nâng 1 cấp' : 'Raised one level'}: ${over50Text(l)}`));
    }

    // A level is not lowered while criteria 2 and 3 are unmet.
    const previousRank = previous ? rankOfCode(previous.code) : null;
    const unmet = [...(coverageMet ? [] : ['2']), ...(capacityMet ? [] : ['3'])];
    if (previousRank !== null && previousRank > rank && unmet.length) {
      rank = previousRank;
      reasons.push(
        reason('kept', (l) =>
          l === 'vi'
            ? `Giữ cấp ${previousRank}: chưa đạt tiêu chí ${unmet.join(', ')}`
            : `Kept at level ${previousRank}: criteri${unmet.length === 1 ? 'on' : 'a'} ${unmet.join(', ')} not met`,
        ),
      );
    }

    const missing = [
      ...(coverage === null ? ['adultFirstDoseCoverage'] : []),
      ...(over50 === null ? ['over50FullCoverage'] : []),
      ...(f.capacityMet === null ? ['capacityMet'] : []),
    ];
    return { code: String(rank), rank, reasons, missing };
  },
};
