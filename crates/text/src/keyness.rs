//! Keyness: which terms a group of respondents names more (or less) often than the others.

use crate::FrequencyTable;

/// One term's keyness for a group against the rest of the respondents, counted per respondent
/// (a respondent who names a term five times counts once).
///
/// The test is Dunning's log-likelihood G² on the 2 × 2 table of respondents (in the group /
/// in the rest × naming the term / not), with its p-value from the χ² distribution with one
/// degree of freedom. The effect size is Hardie's log ratio: log₂ of the ratio of the two shares,
/// with 0.5 added to a count of zero so that a term named by nobody in one part stays finite.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Keyness {
    /// The term's label (as in every table of the run).
    #[serde(rename = "term")]
    pub label: String,
    /// The term's key.
    pub key: String,
    /// Respondents of the group naming the term.
    pub group_answers: u64,
    /// `group_answers` / the group's answering respondents.
    pub group_share: f64,
    /// Respondents outside the group naming the term.
    pub rest_answers: u64,
    /// `rest_answers` / the other answering respondents.
    pub rest_share: f64,
    /// Log-likelihood G².
    pub g2: f64,
    /// The p-value of G² (χ², 1 degree of freedom).
    pub p: f64,
    /// log₂(group share / rest share): positive = named more often in the group.
    pub log_ratio: f64,
    /// An expected count of the 2 × 2 table is below 5 (Cochran's rule): the p-value is not
    /// reliable.
    pub low_expected: bool,
}

/// Significance level under which a term counts as distinguishing its group
/// ([`Keyness::significant`]).
///
/// ```
/// assert_eq!(wortwolke_text::KEYNESS_ALPHA, 0.05);
/// ```
pub const KEYNESS_ALPHA: f64 = 0.05;

impl Keyness {
    /// Whether the difference is significant at [`KEYNESS_ALPHA`].
    pub fn significant(&self) -> bool {
        self.p < KEYNESS_ALPHA
    }
}

/// The keyness of every row of `total` for the group whose table is `group` (both from the same
/// run, e.g. a [`Counted`](crate::Counted)'s question and one of its groups; the group's rows
/// are found by key, a missing one counts 0). Significant terms come first, by the size of the
/// effect (largest |log ratio| first), then the others by p-value; ties by label.
///
/// # Example
/// ```
/// use wortwolke_text::{keyness, Analyzer, Counter, TableOptions};
///
/// let analyzer = Analyzer::german();
/// let mut counter = Counter::default();
/// for i in 0..40 {
///     // group 0 names `Personal` in most answers, group 1 in few
///     let answer = if i % 2 == 0 { "Personal fehlt" } else if i % 8 == 1 { "Personal" } else { "Zeit" };
///     counter.count_in(&[i % 2]);
///     analyzer.count_into(answer, &mut counter);
/// }
/// let counted = analyzer.finish(counter);
/// let total = counted.table(&TableOptions::default());
/// let group = counted.subset(0).rows_of(&total, &TableOptions::default());
/// let rows = keyness(&group, &total);
/// let personal = rows.iter().find(|k| k.label == "Personal").unwrap();
/// assert!(personal.significant() && personal.log_ratio > 0.0);
/// assert_eq!((personal.group_answers, personal.rest_answers), (20, 5));
/// ```
pub fn keyness(group: &FrequencyTable, total: &FrequencyTable) -> Vec<Keyness> {
    let n1 = group.answered;
    let n2 = total.answered.saturating_sub(group.answered);
    // the group's rows by key: one lookup per row of `total` (a scan was quadratic)
    let in_group: std::collections::HashMap<&str, u64> = group
        .terms
        .iter()
        .map(|t| (t.key.as_str(), t.answers))
        .collect();
    let mut rows: Vec<Keyness> = total
        .terms
        .iter()
        .map(|term| {
            let a = in_group.get(term.key.as_str()).copied().unwrap_or(0);
            let b = term.answers.saturating_sub(a);
            let (g2, low_expected) = log_likelihood(a, n1, b, n2);
            Keyness {
                label: term.label.clone(),
                key: term.key.clone(),
                group_answers: a,
                group_share: share(a, n1),
                rest_answers: b,
                rest_share: share(b, n2),
                g2,
                p: chi2_1_p_value(g2),
                log_ratio: log_ratio(a, n1, b, n2),
                low_expected,
            }
        })
        .collect();
    rows.sort_by(|x, y| {
        y.significant()
            .cmp(&x.significant())
            .then_with(|| {
                if x.significant() {
                    y.log_ratio.abs().total_cmp(&x.log_ratio.abs())
                } else {
                    x.p.total_cmp(&y.p)
                }
            })
            .then_with(|| x.label.cmp(&y.label))
    });
    rows
}

fn share(count: u64, of: u64) -> f64 {
    if of == 0 {
        0.0
    } else {
        count as f64 / of as f64
    }
}

/// G² of the table [[a, n1 − a], [b, n2 − b]] and whether an expected count is below 5.
fn log_likelihood(a: u64, n1: u64, b: u64, n2: u64) -> (f64, bool) {
    let n = (n1 + n2) as f64;
    if n1 == 0 || n2 == 0 || n == 0.0 {
        return (0.0, true);
    }
    let named = (a + b) as f64;
    let observed = [
        (a as f64, n1 as f64 * named / n),
        (n1.saturating_sub(a) as f64, n1 as f64 * (n - named) / n),
        (b as f64, n2 as f64 * named / n),
        (n2.saturating_sub(b) as f64, n2 as f64 * (n - named) / n),
    ];
    let g2 = 2.0
        * observed
            .iter()
            .filter(|(o, _)| *o > 0.0)
            .map(|(o, e)| o * (o / e).ln())
            .sum::<f64>();
    let low = observed.iter().any(|(_, e)| *e < 5.0);
    (g2.max(0.0), low)
}

/// log₂((a / n1) / (b / n2)), a zero count taken as 0.5.
fn log_ratio(a: u64, n1: u64, b: u64, n2: u64) -> f64 {
    if n1 == 0 || n2 == 0 {
        return 0.0;
    }
    let smooth = |x: u64| if x == 0 { 0.5 } else { x as f64 };
    ((smooth(a) / n1 as f64) / (smooth(b) / n2 as f64)).log2()
}

/// P(χ² with one degree of freedom ≥ x) = erfc(√(x / 2)).
fn chi2_1_p_value(x: f64) -> f64 {
    if x <= 0.0 {
        return 1.0;
    }
    erfc((x / 2.0).sqrt())
}

/// The complementary error function, with a relative error below 1.2 × 10⁻⁷ everywhere
/// (Numerical Recipes' Chebyshev fit, `erfcc`).
fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    let r = t * poly.exp();
    if x >= 0.0 {
        r
    } else {
        2.0 - r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 2 × 2 table worked by hand: group 20 of 50 name the term, rest 10 of 100.
    /// Expected (named): 50 × 30 / 150 = 10 and 100 × 30 / 150 = 20; (not named): 40 and 80.
    /// G² = 2 [20 ln(20/10) + 30 ln(30/40) + 10 ln(10/20) + 90 ln(90/80)]
    ///    = 2 [13.8629 − 8.6305 − 6.9315 + 10.6006] = 17.8032.
    /// p = erfc(√(17.8032 / 2)) = 2.45e-5. Log ratio = log₂(0.4 / 0.1) = 2.
    #[test]
    fn a_table_worked_by_hand() {
        let (g2, low) = log_likelihood(20, 50, 10, 100);
        assert!((g2 - 17.8032).abs() < 1e-3, "{g2}");
        assert!(!low);
        let p = chi2_1_p_value(g2);
        assert!((p - 2.45e-5).abs() < 0.05e-5, "{p}");
        assert!((log_ratio(20, 50, 10, 100) - 2.0).abs() < 1e-12);
    }

    #[test]
    fn p_values_of_known_chi_square_quantiles() {
        // χ²(1) critical values: 3.841 → 0.05, 6.635 → 0.01, 10.828 → 0.001
        for (x, p) in [(3.841, 0.05), (6.635, 0.01), (10.828, 0.001), (0.0, 1.0)] {
            assert!(
                (chi2_1_p_value(x) - p).abs() < p * 0.002 + 1e-9,
                "{x} → {}",
                chi2_1_p_value(x)
            );
        }
    }

    #[test]
    fn small_and_empty_tables() {
        // expected count of 2.5 < 5: flagged
        let (_, low) = log_likelihood(3, 10, 2, 10);
        assert!(low);
        // nobody outside the group: no test
        assert_eq!(log_likelihood(3, 10, 0, 0), (0.0, true));
        // a term nobody in the group named: finite, negative log ratio
        assert!((log_ratio(0, 10, 5, 10) - (0.5f64 / 5.0).log2()).abs() < 1e-12);
        // equal shares: no effect, p = 1
        let (g2, _) = log_likelihood(5, 10, 10, 20);
        assert!(g2.abs() < 1e-12);
        assert!((chi2_1_p_value(g2) - 1.0).abs() < 1e-9);
    }
}
