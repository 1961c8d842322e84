//! The page's own words and numbers, in German or English. Sentences with values are
//! templates with `{name}` placeholders, filled by [`Lang::say`] (values are escaped there).

/// The page language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    De,
    En,
}

impl Lang {
    /// The `lang` attribute and `Intl` locale.
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// An integer with the locale's thousands separator: `1.234` / `1,234`.
    pub fn int(self, n: u64) -> String {
        let digits = n.to_string();
        let sep = match self {
            Lang::De => '.',
            Lang::En => ',',
        };
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(sep);
            }
            out.push(c);
        }
        out
    }

    /// A number with `decimals` places and the locale's decimal mark: `3,14` / `3.14`.
    pub fn num(self, x: f64, decimals: usize) -> String {
        let s = format!("{x:.decimals$}");
        let s = if s.starts_with('-') && s.trim_start_matches(['-', '0', '.']).is_empty() {
            s[1..].to_owned()
        } else {
            s
        };
        match self {
            Lang::De => s.replace('.', ","),
            Lang::En => s,
        }
    }

    /// A share as a percentage with one decimal: `17,9 %` (no-break space) / `17.9%`.
    pub fn pct(self, share: f64) -> String {
        let n = self.num(share * 100.0, 1);
        match self {
            Lang::De => format!("{n}\u{a0}%"),
            Lang::En => format!("{n}%"),
        }
    }

    /// A calendar date: `2.5.2024` → `02.05.2024` / `2024-05-02`.
    pub fn date(self, (y, m, d): (i64, u32, u32)) -> String {
        match self {
            Lang::De => format!("{d:02}.{m:02}.{y}"),
            Lang::En => format!("{y}-{m:02}-{d:02}"),
        }
    }

    /// The page's words.
    pub fn words(self) -> &'static Words {
        match self {
            Lang::De => &DE,
            Lang::En => &EN,
        }
    }

    /// `template` with `{name}` replaced by the values given (in one pass), each escaped for
    /// HTML; the template itself is ours and may hold markup.
    pub fn say(template: &str, values: &[(&str, &str)]) -> String {
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(start) = rest.find('{') {
            out.push_str(&rest[..start]);
            let after = &rest[start + 1..];
            let end = after.find('}');
            match end.and_then(|end| {
                values
                    .iter()
                    .find(|(n, _)| *n == &after[..end])
                    .map(|v| (end, v))
            }) {
                Some((end, (_, value))) => {
                    out.push_str(&super::html::esc(value));
                    rest = &after[end + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// Every fixed text of the page in one language.
#[derive(Debug)]
pub struct Words {
    pub default_title: &'static str,
    pub questions: &'static str,
    pub subtitle: &'static str,
    pub privacy_answers: &'static str,
    pub privacy_none: &'static str,
    pub hint: &'static str,
    pub cloud: &'static str,
    pub chart: &'static str,
    pub table: &'static str,
    pub cloud_alt: &'static str,
    pub cloud_dropped: &'static str,
    pub chart_alt: &'static str,
    pub chart_axis_count: &'static str,
    pub chart_axis_share: &'static str,
    pub col_term: &'static str,
    pub col_answers: &'static str,
    pub col_share: &'static str,
    pub col_occurrences: &'static str,
    pub col_variants: &'static str,
    pub table_caption: &'static str,
    pub filter: &'static str,
    pub nothing: &'static str,
    pub term_button: &'static str,
    pub base_answered: &'static str,
    pub base_all: &'static str,
    pub counted_answers: &'static str,
    pub counted_occurrences: &'static str,
    pub share_answered: &'static str,
    pub share_all: &'static str,
    pub group_n: &'static str,
    pub groups: &'static str,
    pub small_group: &'static str,
    pub multiples: &'static str,
    pub multiples_note: &'static str,
    pub compare: &'static str,
    pub total: &'static str,
    pub keyness: &'static str,
    pub keyness_none: &'static str,
    pub keyness_cols: [&'static str; 7],
    pub more: &'static str,
    pub less: &'static str,
    pub low_expected: &'static str,
    pub keyness_method: &'static str,
    pub method: &'static str,
    pub method_facts: MethodWords,
    pub answers_panel: &'static str,
    pub mask_email: &'static str,
    pub mask_phone: &'static str,
    pub ui: [(&'static str, &'static str); 8],
    pub footer: &'static str,
}

/// The words of the method caption.
#[derive(Debug)]
pub struct MethodWords {
    pub head: &'static str,
    pub respondent: &'static str,
    pub stopwords_builtin: &'static str,
    pub stopwords_files: &'static str,
    pub stopwords_none: &'static str,
    pub codebook: &'static str,
    pub codebook_none: &'static str,
    pub phrases_file: &'static str,
    pub phrases_auto: &'static str,
    pub phrases_none: &'static str,
    pub stem: &'static str,
    pub no_stem: &'static str,
    pub fold_umlauts: &'static str,
    pub keep_numbers: &'static str,
    pub keep_negation: &'static str,
    pub split_list: &'static str,
    pub min_count: &'static str,
    pub cloud: &'static str,
    pub stdin: &'static str,
}

static DE: Words = Words {
    default_title: "Freitextantworten",
    questions: "Fragen",
    subtitle: "{inputs} · {n} Fragen · erstellt am {date} mit wortwolke {version}",
    privacy_answers: "<strong>Vertraulich:</strong> Diese Seite enthält Antworten im Wortlaut. E-Mail-Adressen und Telefonnummern sind unkenntlich gemacht, Namen und andere Angaben nicht. Nicht veröffentlichen; eine Fassung ohne Antworttexte erzeugt <code>wortwolke report --no-answers</code>.",
    privacy_none: "Diese Seite enthält keine Antworten im Wortlaut (erstellt mit <code>--no-answers</code>): nur Zählungen, Begriffe und ihre Schreibweisen.",
    hint: "Klicken Sie auf einen Begriff in der Wolke, im Diagramm oder in der Tabelle (oder drücken Sie Enter darauf), um die Antworten zu sehen, die ihn nennen.",
    cloud: "Wortwolke",
    chart: "Häufigste Begriffe",
    table: "Alle Begriffe",
    cloud_alt: "Wortwolke der {n} häufigsten Begriffe; die Fläche eines Wortes ist proportional zu seiner Anzahl. Am häufigsten: {list}.",
    cloud_dropped: " Nicht untergebracht ({n}): {list}.",
    chart_alt: "Balkendiagramm der {n} häufigsten Begriffe (Befragte, die ihn nennen, und ihr Anteil): {list}.",
    chart_axis_count: "Befragte",
    chart_axis_share: "Anteil der Befragten der Gruppe",
    col_term: "Begriff",
    col_answers: "Befragte",
    col_share: "Anteil",
    col_occurrences: "Nennungen",
    col_variants: "Schreibweisen",
    table_caption: "Alle {n} Begriffe von „{question}“, sortierbar; Schreibweisen, wo ein Begriff verschieden geschrieben wurde",
    filter: "Begriffe filtern",
    nothing: "Keine Begriffe: {answers} Antworten, davon {none} ohne Antwort.",
    term_button: "{term}: {n} Befragte, {share}",
    base_answered: "Basis: n = {answered} Befragte haben geantwortet ({none} ohne Antwort, {answers} insgesamt).",
    base_all: "Basis: n = {answers} Befragte insgesamt ({answered} mit Antwort, {none} ohne Antwort).",
    counted_answers: "Gezählt werden Befragte, die den Begriff nennen (mehrere Begriffe je Person möglich)",
    counted_occurrences: "Gezählt werden alle Nennungen, Wiederholungen in einer Antwort eingeschlossen",
    share_answered: "Anteil = Befragte / n.",
    share_all: "Anteil = Befragte / n, auch die ohne Antwort.",
    group_n: "n = {n}",
    groups: "Gruppen nach „{column}“",
    small_group: "nur {n} Befragte (weniger als {min}): Anteile schwanken stark",
    multiples: "Häufigste Begriffe je Gruppe",
    multiples_note: "Alle Gruppen auf derselben Skala: Anteil der Befragten der Gruppe, die den Begriff nennen.",
    compare: "Vergleich der {n} häufigsten Begriffe",
    total: "Insgesamt",
    keyness: "Was die Gruppen unterscheidet",
    keyness_none: "Kein Begriff unterscheidet diese Gruppe signifikant (p < 0,05).",
    keyness_cols: ["Begriff", "", "in der Gruppe", "übrige Befragte", "G²", "p", "Log Ratio"],
    more: "häufiger",
    less: "seltener",
    low_expected: "p unsicher (erwartete Anzahl unter 5)",
    keyness_method: "Keyness: Befragte, die einen Begriff nennen, in der Gruppe gegenüber den übrigen Befragten (jede Person einmal); G² = Log-Likelihood der 2 × 2-Tafel, p aus χ² mit 1 Freiheitsgrad, signifikant bei p < 0,05; Log Ratio = log₂(Anteil in der Gruppe / Anteil außerhalb), eine 0 als 0,5 gerechnet. Gezeigt werden die signifikanten Begriffe, die stärksten zuerst.",
    method: "Methode",
    method_facts: MethodWords {
        head: "wortwolke {version}; Eingabe: {inputs}; erstellt am {date}.",
        respondent: "Eine Antwort ist eine befragte Person: ein Begriff zählt einmal je Antwort, die ihn nennt.",
        stopwords_builtin: "Stoppwörter: eingebaute Liste ({lang})",
        stopwords_files: "Stoppwörter aus {files}",
        stopwords_none: "keine Stoppwörter",
        codebook: "Codebuch: {file}",
        codebook_none: "kein Codebuch",
        phrases_file: "Phrasen aus {file}",
        phrases_auto: "Phrasen automatisch erkannt (in mindestens {n} Antworten)",
        phrases_none: "keine Phrasen",
        stem: "gebeugte Formen zusammengefasst (Stammformen, {lang})",
        no_stem: "gebeugte Formen nicht zusammengefasst",
        fold_umlauts: "Umlaute und ß gleichgesetzt",
        keep_numbers: "Zahlen gezählt",
        keep_negation: "Verneinungen mit dem folgenden Wort verbunden",
        split_list: "Listenfrage: jede Nennung ist ein Begriff",
        min_count: "Begriffe mit Gewicht unter {n} ausgelassen",
        cloud: "Wolke: Fläche ∝ Anzahl (Skala {scale}), höchstens {words} Wörter, {width} × {height} px, Seed {seed}.",
        stdin: "Standardeingabe",
    },
    answers_panel: "Antworten",
    mask_email: "[E-Mail]",
    mask_phone: "[Telefon]",
    ui: [
        ("heading", "{n} Antworten nennen „{term}“"),
        ("heading_group", "{n} Antworten in {group} nennen „{term}“"),
        ("more", "… und {n} weitere (gekürzt mit --kwic-max)"),
        ("close", "Schließen"),
        ("no_text", "Antworttexte sind in dieser Fassung nicht enthalten (--no-answers)."),
        ("row", "Nr. {n}"),
        ("filtered", "{n} von {total} Begriffen"),
        ("sorted", "sortiert nach {column}"),
    ],
    footer: "Erstellt mit wortwolke {version} am {date}. Diese Seite lädt nichts nach und sendet nichts.",
};

static EN: Words = Words {
    default_title: "Free-text answers",
    questions: "Questions",
    subtitle: "{inputs} · {n} questions · made on {date} with wortwolke {version}",
    privacy_answers: "<strong>Confidential:</strong> this page contains answers as written. E-mail addresses and phone numbers are masked; names and other details are not. Do not publish it; <code>wortwolke report --no-answers</code> makes a version without answer texts.",
    privacy_none: "This page contains no answers as written (made with <code>--no-answers</code>): counts, terms and their spellings only.",
    hint: "Click a term in the cloud, the chart or the table (or press Enter on it) to see the answers that name it.",
    cloud: "Word cloud",
    chart: "Most frequent terms",
    table: "All terms",
    cloud_alt: "Word cloud of the {n} most frequent terms; a word's area is proportional to its count. Most frequent: {list}.",
    cloud_dropped: " Did not fit ({n}): {list}.",
    chart_alt: "Bar chart of the {n} most frequent terms (respondents naming it, and their share): {list}.",
    chart_axis_count: "Respondents",
    chart_axis_share: "Share of the group's respondents",
    col_term: "Term",
    col_answers: "Respondents",
    col_share: "Share",
    col_occurrences: "Occurrences",
    col_variants: "Spellings",
    table_caption: "All {n} terms of “{question}”, sortable; spellings where a term was written in more than one way",
    filter: "Filter terms",
    nothing: "No terms: {answers} answers, {none} of them without answer.",
    term_button: "{term}: {n} respondents, {share}",
    base_answered: "Base: n = {answered} respondents answered ({none} without answer, {answers} in total).",
    base_all: "Base: n = {answers} respondents in total ({answered} answered, {none} without answer).",
    counted_answers: "Counts are respondents naming the term (several terms per respondent possible)",
    counted_occurrences: "Counts are all occurrences, repeats within an answer included",
    share_answered: "share = respondents / n.",
    share_all: "share = respondents / n, those without answer included.",
    group_n: "n = {n}",
    groups: "Groups by “{column}”",
    small_group: "only {n} respondents (fewer than {min}): shares are unstable",
    multiples: "Most frequent terms per group",
    multiples_note: "All groups on one scale: the share of the group's respondents naming the term.",
    compare: "Comparison of the {n} most frequent terms",
    total: "Total",
    keyness: "What distinguishes the groups",
    keyness_none: "No term distinguishes this group significantly (p < 0.05).",
    keyness_cols: ["Term", "", "In group", "Others", "G²", "p", "Log ratio"],
    more: "more",
    less: "less",
    low_expected: "p unreliable (expected count below 5)",
    keyness_method: "Keyness: respondents naming a term in the group against the other respondents (each counted once); G² = log-likelihood of the 2 × 2 table, p from χ² with 1 df, significant at p < 0.05; log ratio = log2(share in group / share outside), a count of 0 taken as 0.5. The significant terms are shown, the strongest first.",
    method: "Method",
    method_facts: MethodWords {
        head: "wortwolke {version}; input: {inputs}; made on {date}.",
        respondent: "One answer is one respondent: a term counts once per answer that names it.",
        stopwords_builtin: "stop words: built-in list ({lang})",
        stopwords_files: "stop words from {files}",
        stopwords_none: "no stop words",
        codebook: "codebook: {file}",
        codebook_none: "no codebook",
        phrases_file: "phrases from {file}",
        phrases_auto: "phrases detected (in at least {n} answers)",
        phrases_none: "no phrases",
        stem: "inflected forms grouped (stemming, {lang})",
        no_stem: "inflected forms not grouped",
        fold_umlauts: "umlauts and ß folded",
        keep_numbers: "numbers counted",
        keep_negation: "negations joined with the next word",
        split_list: "list question: each mention is one term",
        min_count: "terms of weight below {n} left out",
        cloud: "Cloud: area ∝ count (scale {scale}), at most {words} words, {width} × {height} px, seed {seed}.",
        stdin: "standard input",
    },
    answers_panel: "Answers",
    mask_email: "[e-mail]",
    mask_phone: "[phone]",
    ui: [
        ("heading", "{n} answers name “{term}”"),
        ("heading_group", "{n} answers in {group} name “{term}”"),
        ("more", "… and {n} more (cut by --kwic-max)"),
        ("close", "Close"),
        ("no_text", "Answer texts are not part of this version (--no-answers)."),
        ("row", "No. {n}"),
        ("filtered", "{n} of {total} terms"),
        ("sorted", "sorted by {column}"),
    ],
    footer: "Made with wortwolke {version} on {date}. This page loads nothing and sends nothing.",
};

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn numbers_in_the_page_locale() {
        assert_eq!(Lang::De.pct(0.17949), "17,9\u{a0}%");
        assert_eq!(Lang::En.pct(0.17949), "17.9%");
        assert_eq!(Lang::De.int(1234567), "1.234.567");
        assert_eq!(Lang::En.int(1234), "1,234");
        assert_eq!(
            (Lang::De.int(999), Lang::En.int(0)),
            ("999".into(), "0".into())
        );
        assert_eq!(Lang::De.num(-0.001, 2), "0,00");
        assert_eq!(Lang::En.num(-1.5, 1), "-1.5");
        assert_eq!(Lang::De.date((2024, 5, 2)), "02.05.2024");
    }

    #[test]
    fn sentences_escape_their_values() {
        assert_eq!(
            Lang::say("{n} nennen „{term}“ {x}", &[("n", "3"), ("term", "<b>&")]),
            "3 nennen „&lt;b&gt;&amp;“ {x}"
        );
        // a value is not read again
        assert_eq!(Lang::say("{a}{b}", &[("a", "{b}"), ("b", "B")]), "{b}B");
    }
}
