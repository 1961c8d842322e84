//! The answer generator shared by `examples/gen_answers.rs` and the benches: a Zipf-distributed
//! vocabulary of administrative nouns, compounds, adjectives, verbs, acronyms and gender forms,
//! written as answers in the styles of open survey questions. Deterministic for a seed.

use std::io::Write;

const NOUNS: &[&str] = &[
    "Personal",
    "Zeit",
    "Geld",
    "Schnittstelle",
    "Fachverfahren",
    "Datenschutz",
    "Verwaltung",
    "Akte",
    "Antrag",
    "Portal",
    "Konto",
    "Dienst",
    "Leistung",
    "Prozess",
    "Förderung",
    "Software",
    "Technik",
    "Sicherheit",
    "Schulung",
    "Beratung",
    "Vernetzung",
    "Austausch",
    "Strategie",
    "Kommune",
    "Kreis",
    "Land",
    "Bund",
    "Region",
    "Hersteller",
    "Dienstleister",
    "Nachfrage",
    "Akzeptanz",
    "Priorität",
    "Kosten",
    "Finanzierung",
    "Vorgabe",
    "Zuständigkeit",
    "Infrastruktur",
    "Breitband",
    "Glasfaser",
    "Rechenzentrum",
    "Server",
    "Netzwerk",
    "Anwendung",
    "Plattform",
    "Bürgerbüro",
    "Bauamt",
    "Ordnungsamt",
    "Standesamt",
    "Meldewesen",
    "Gewerbe",
    "Steuer",
    "Rechnung",
    "Zahlung",
    "Formular",
    "Bescheid",
    "Postfach",
    "Signatur",
    "Identität",
    "Nachweis",
    "Register",
    "Daten",
    "Qualität",
    "Transparenz",
    "Kommunikation",
    "Information",
    "Unterstützung",
    "Koordination",
    "Projekt",
    "Planung",
    "Umsetzung",
    "Einführung",
    "Betrieb",
    "Wartung",
    "Lizenz",
    "Vertrag",
    "Ausschreibung",
    "Vergabe",
    "Recht",
    "Gesetz",
    "Verordnung",
    "Richtlinie",
    "Standard",
    "Vorlage",
    "Muster",
    "Handbuch",
    "Anleitung",
    "Hotline",
    "Kapazität",
    "Ressource",
    "Mitarbeiter",
    "Fachkraft",
    "Führung",
    "Politik",
    "Haushalt",
    "Budget",
    "Aufwand",
];
const ADJECTIVES: &[&str] = &[
    "fehlend",
    "digital",
    "einheitlich",
    "gemeinsam",
    "technisch",
    "rechtlich",
    "unklar",
    "hoch",
    "gering",
    "neu",
    "alt",
    "kommunal",
    "regional",
    "zentral",
    "sicher",
    "einfach",
    "kompliziert",
    "langsam",
    "teuer",
    "klein",
];
const ENDINGS: &[&str] = &["e", "en", "er", "es", ""];
const VERBS: &[&str] = &[
    "fehlt",
    "fehlen",
    "dauert",
    "kostet",
    "funktioniert nicht",
    "ist unklar",
    "wird nicht genutzt",
    "läuft",
    "muss geklärt werden",
    "wurde eingeführt",
    "ist geplant",
    "wird verbessert",
    "überfordert uns",
    "bremst",
];
const ACRONYMS: &[&str] = &[
    "OZG",
    "EfA",
    "DMS",
    "IT",
    "KI",
    "E-Akte",
    "ePayment",
    "BundID",
    "Servicekonto.NRW",
    "LoRaWAN",
    "XÖV",
    "FIM",
];
const PEOPLE: &[&str] = &[
    "Bürger*innen",
    "Mitarbeitende",
    "Bürgerinnen und Bürger",
    "Sachbearbeiter:innen",
    "Kolleg_innen",
    "NutzerInnen",
];

/// SplitMix64: the same seed gives the same file everywhere.
pub struct Rng(pub u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize % n
    }
}

/// Zipf(s = 1.05) over `n` ranks by inverse CDF.
struct Zipf(Vec<f64>);

impl Zipf {
    fn new(n: usize) -> Zipf {
        let mut acc = 0.0;
        Zipf(
            (1..=n)
                .map(|k| {
                    acc += 1.0 / (k as f64).powf(1.05);
                    acc
                })
                .collect(),
        )
    }
    fn sample(&self, rng: &mut Rng) -> usize {
        let u = rng.unit() * self.0[self.0.len() - 1];
        self.0.partition_point(|&c| c < u).min(self.0.len() - 1)
    }
}

fn plural(noun: &str) -> String {
    match noun.chars().last() {
        Some('e') => format!("{noun}n"),
        Some('g') | Some('t')
            if noun.ends_with("ung") || noun.ends_with("keit") || noun.ends_with("heit") =>
        {
            format!("{noun}en")
        }
        Some('r') | Some('l') => noun.to_owned(),
        _ => format!("{noun}e"),
    }
}

/// Writes `answers` answers, one a line, generated from `seed`.
pub fn write_answers(answers: u64, seed: u64, out: &mut impl Write) -> std::io::Result<()> {
    let mut rng = Rng(seed);
    // vocabulary: nouns, then compounds of two nouns (thousands), in a seeded Zipf order
    let mut vocabulary: Vec<String> = NOUNS.iter().map(|n| n.to_string()).collect();
    for a in NOUNS {
        for b in NOUNS {
            if a != b {
                vocabulary.push(format!("{a}{}", b.to_lowercase()));
            }
        }
    }
    // simple nouns stay in front (the frequent terms); compounds are shuffled behind them
    let simple = NOUNS.len();
    for i in (simple + 1..vocabulary.len()).rev() {
        let j = simple + rng.below(i - simple + 1);
        vocabulary.swap(i, j);
    }
    let zipf = Zipf::new(vocabulary.len());
    let mut line = String::with_capacity(512);
    for _ in 0..answers {
        line.clear();
        let roll = rng.unit();
        if roll < 0.05 {
            // empty answer
        } else if roll < 0.08 {
            line.push_str(["k.A.", "-", "keine Angabe", "k. A."][rng.below(4)]);
        } else {
            let parts = 1 + rng.below(5);
            for p in 0..parts {
                if p > 0 {
                    line.push_str([", ", "; ", ". ", " und ", " / "][rng.below(5)]);
                }
                let noun = &vocabulary[zipf.sample(&mut rng)];
                let noun = if rng.unit() < 0.3 {
                    plural(noun)
                } else {
                    noun.clone()
                };
                match rng.below(9) {
                    0 => line.push_str(&format!(
                        "{}{} {noun}",
                        ADJECTIVES[rng.below(ADJECTIVES.len())],
                        ENDINGS[rng.below(ENDINGS.len())]
                    )),
                    1 => line.push_str(&format!("{noun} {}", VERBS[rng.below(VERBS.len())])),
                    2 => line.push_str(&format!(
                        "zu wenig {noun} für die {}",
                        ACRONYMS[rng.below(ACRONYMS.len())]
                    )),
                    3 => line.push_str(&format!(
                        "keine {noun}, z. B. bei {}",
                        vocabulary[zipf.sample(&mut rng)]
                    )),
                    4 => line.push_str(&format!(
                        "{} brauchen mehr {noun}",
                        PEOPLE[rng.below(PEOPLE.len())]
                    )),
                    5 => line.push_str(&format!(
                        "Die {} ist {}",
                        noun,
                        ADJECTIVES[rng.below(ADJECTIVES.len())]
                    )),
                    6 => line.push_str(&format!("{}-{noun}", ACRONYMS[rng.below(ACRONYMS.len())])),
                    7 => line.push_str(&format!(
                        "Wir haben seit 2021 Probleme mit {noun} und {}",
                        vocabulary[zipf.sample(&mut rng)]
                    )),
                    _ => line.push_str(&noun),
                }
            }
            // typos: swap two neighbouring letters now and then
            if rng.unit() < 0.04 && line.is_ascii() && line.len() > 4 {
                let i = 1 + rng.below(line.len() - 3);
                let mut bytes = std::mem::take(&mut line).into_bytes();
                bytes.swap(i, i + 1);
                line = String::from_utf8(bytes).unwrap_or_default();
            }
        }
        line.push('\n');
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

/// `answers` generated answers as strings (for benches).
pub fn answers(n: u64, seed: u64) -> Vec<String> {
    let mut buf = Vec::new();
    write_answers(n, seed, &mut buf).expect("writing to memory");
    String::from_utf8(buf)
        .expect("UTF-8")
        .lines()
        .map(str::to_owned)
        .collect()
}
