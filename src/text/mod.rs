//! Caption analysis: does a caption say who took the picture (credit), when
//! (date) and where (place)? Pure functions over text, with compiled
//! `regex` patterns (no backtracking) and word lists from `rules/data/`,
//! all built once per process on first use.
//!
//! The credit is looked for first; dates and places are then looked for in
//! the rest of the caption, so that "© Thinking Machines Corporation, 1989"
//! or "©Royal Geographical Society, London, UK/Bridgeman Images" give
//! neither a date nor a place.

pub mod credit;
pub mod data;
pub mod date;
pub mod gazetteer;
pub mod place;

pub use credit::Strength;

/// Where in the analysed text something was found, and which form it took
/// (for tests and debugging: "label", "month-day", "dateline"…).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub kind: &'static str,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Analysis {
    pub credit: Option<Found>,
    pub date: Option<Found>,
    pub place: Option<Found>,
    /// The text is a credit and nothing else ("Photo by Jane Doe/AP",
    /// "(Photo: Brett Davis, USA TODAY Sports)"): a credit line, which
    /// says nothing of what the picture shows.
    pub credit_only: bool,
}

/// Analyse a caption's text. `agencies` are extra agency names (from the
/// configuration) that count as credits like the embedded ones.
pub fn analyze(text: &str, agencies: &[&str]) -> Analysis {
    let credits = credit::find_all(text, agencies);
    // Blank the credits out, keeping offsets. Credits may overlap (each
    // running to its sentence's end): each byte is blanked once.
    let mut ranges: Vec<(usize, usize)> = credits
        .iter()
        .map(|(f, _)| (f.start, f.end))
        .filter(|&(start, end)| text.get(start..end).is_some())
        .collect();
    ranges.sort_unstable();
    let mut bytes = text.as_bytes().to_vec();
    let mut blanked = 0;
    for (start, end) in ranges {
        let start = start.max(blanked);
        if start < end {
            bytes[start..end].fill(b' ');
            blanked = end;
        }
    }
    // Whole characters were blanked, so the text is still UTF-8.
    let rest = String::from_utf8(bytes).unwrap_or_else(|_| text.to_string());
    Analysis {
        credit: credits.first().map(|(f, _)| *f),
        date: date::find(&rest),
        place: place::find(&rest),
        credit_only: !credits.is_empty() && !rest.chars().any(char::is_alphanumeric),
    }
}

/// A credit in text that should have none (alt text): only the
/// unmistakable forms, not a bare name or agency at the end. In alt text
/// German "Foto von Name" is a photo of Name, not by Name.
pub fn strong_credit(text: &str) -> Option<Found> {
    credit::find_all(text, &[])
        .into_iter()
        .filter(|(f, _)| {
            f.kind != "by"
                || !text[f.start..]
                    .split_whitespace()
                    .nth(1)
                    .is_some_and(|w| w.eq_ignore_ascii_case("von"))
        })
        .find(|(_, s)| *s == Strength::Strong)
        .map(|(f, _)| f)
}

/// Text reduced for comparison: lowercase letters and digits, single spaces.
pub fn comparable(text: &str) -> String {
    let mapped: String = text
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .to_lowercase();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Similarity of two texts after `comparable`, from 0 (nothing in common)
/// to 1 (the same): one minus the edit distance over the longer length.
pub fn similarity(a: &str, b: &str) -> f64 {
    strsim::normalized_levenshtein(&comparable(a), &comparable(b))
}

/// The longest texts compared by edit distance, in characters: the
/// distance costs the product of the lengths. Alt texts and captions are
/// far shorter; longer ones are compared by containment alone.
const MAX_EDIT_DISTANCE_CHARS: usize = 2_000;

/// Two texts say the same thing: at least 0.9 similar, or one contains the
/// other when both are long (five words or more).
pub fn repeats(a: &str, b: &str) -> bool {
    Compared::new(a).repeats(&Compared::new(b))
}

/// A text made [`comparable`] once, to be compared with many others (a
/// caption with each picture of its figure).
pub struct Compared {
    text: String,
    chars: usize,
    long: bool,
}

/// The longest text searched for another inside it (see
/// [`Compared::repeats`]): a caption of a thousand words and more is an
/// article's body, and a figure of thousands of pictures under one would
/// search it whole for each alt text.
const MAX_CONTAINING_BYTES: usize = 8_192;

impl Compared {
    pub fn new(text: &str) -> Compared {
        let text = comparable(text);
        Compared {
            chars: text.chars().count(),
            long: text.split(' ').count() >= 5,
            text,
        }
    }

    /// See [`repeats`].
    pub fn repeats(&self, other: &Compared) -> bool {
        let (a, b) = (self, other);
        if a.text.is_empty() || b.text.is_empty() {
            return false;
        }
        // 0.9 similar needs lengths within a tenth of the longer one.
        let close_lengths = a.chars.abs_diff(b.chars) * 10 <= a.chars.max(b.chars);
        close_lengths
            && a.chars.max(b.chars) <= MAX_EDIT_DISTANCE_CHARS
            && strsim::normalized_levenshtein(&a.text, &b.text) >= 0.9
            || a.long
                && b.long
                && a.text.len().max(b.text.len()) <= MAX_CONTAINING_BYTES
                && (a.text.contains(&b.text) || b.text.contains(&a.text))
    }
}

/// Whether `text` says again what `other` says in other order or words:
/// at least five distinct words, three in four of them in `other`
/// ("Whangārei Harbour seen from Tamaterau, with mangrove sprouts…" under
/// the alt "Whangārei Harbour from Tamaterau, looking south through
/// mangrove sprouts…").
pub fn mostly_in(text: &str, other: &str) -> bool {
    let (text, other) = (comparable(text), comparable(other));
    let words: std::collections::HashSet<&str> =
        text.split(' ').filter(|w| !w.is_empty()).collect();
    let others: std::collections::HashSet<&str> = other.split(' ').collect();
    words.len() >= 5 && words.iter().filter(|w| others.contains(*w)).count() * 4 >= words.len() * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_caption_that_is_only_a_credit_is_a_credit_line() {
        for line in [
            "Photo by Jonathan Daniel/Getty Images",
            "(Photo: Brett Davis, USA TODAY Sports)",
            "Getty Images",
            "REUTERS/Brendan McDermid",
        ] {
            assert!(analyze(line, &[]).credit_only, "{line}");
        }
        for caption in [
            "Roger Ailes. Photo: Wesley Mann/AUGUST",
            "Gretchen Carlson.",
            "Firefighters battle a blaze in Paiporta on October 30. (Jorge Ferrer/AFP)",
            "",
        ] {
            assert!(!analyze(caption, &[]).credit_only, "{caption}");
        }
    }

    #[test]
    fn a_text_mostly_in_another_shares_three_words_in_four() {
        assert!(mostly_in(
            "Whangārei Harbour seen from Tamaterau, with mangrove sprouts coming up through the harbourside silt",
            "Whangārei Harbour from Tamaterau, looking south through Mangrove sprouts coming up through the harbourside silt."
        ));
        assert!(!mostly_in(
            "Māori harvest rights over dead whales have only been officially recognised since 1998",
            "Whale bones on a table in a carving shed"
        ));
        assert!(!mostly_in(
            "Whangārei Harbour",
            "Whangārei Harbour from Tamaterau"
        ));
    }

    /// (caption, credit, date, place)
    fn check(cases: &[(&str, bool, bool, bool)]) {
        let mut failures = Vec::new();
        for (text, credit, date, place) in cases {
            let a = analyze(text, &[]);
            let got = (a.credit.is_some(), a.date.is_some(), a.place.is_some());
            if got != (*credit, *date, *place) {
                failures.push(format!(
                    "{text}\n  expected credit/date/place {:?}, got {got:?} ({a:?})",
                    (credit, date, place)
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn seed_article_captions_are_complete() {
        check(&[
            (
                "In this pool photo distributed by the Sputnik agency, Russian President Vladimir Putin (centre left) and North Korean leader Kim Jong Un (centre right) visit the Vostochny Cosmodrome in Amur province, Russia, on September 13. [Vladimir Smirnov/Pool/AFP]",
                true,
                true,
                true,
            ),
            (
                "A woman watches a television screen showing a news broadcast with file footage of a North Korean missile test, at a railway station in Seoul, South Korea, on January 30, 2022, after North Korea fired a 'suspected ballistic missile' in one of seven weapon tests that month. [Jung Yeon-je/AFP]",
                true,
                true,
                true,
            ),
        ]);
    }

    #[test]
    fn credit_forms() {
        let credit = |t: &'static str| (t, true, false, false);
        check(&[
            credit("A flooded street. [Jorge Ferrer/AFP]"),
            credit("Unsold cars at a dealership. (AP Photo/David Zalubowski)"),
            credit("Nadal celebrates a point. (Manu Fernandez/AP)"),
            credit("REUTERS/Brendan McDermid"),
            credit("Andrew Harnik/Shutterstock"),
            credit("Protesters march. Stephanie Keith/Reuters"),
            credit("A shelter. (Photo by Yasuyoshi Chiba / AFP)"),
            credit("Joseph Chamberlain ©Universal History Archive/UIG via Getty Images"),
            credit("James D. Smith via AP"),
            credit("Whale expert Hori Parata. Photo: Adrian Malloch"),
            credit("Whale expert Hori Parata. Photograph: Adrian Malloch for the Guardian"),
            credit("A market. Picture: Jane Doe"),
            credit("A market. Credit: ESA"),
            credit("Image source, Getty Images"),
            credit("Source: Wikimedia Commons"),
            credit("© Maizal / stock.adobe.com"),
            credit("A market (c) Jane Doe"),
            credit("Copyright Jane Doe"),
            credit("Courtesy of Zillow"),
            credit("PHOTOGRAPH COURTESY OF MONOTYPE"),
            credit("The suspect, in a handout picture released by police"),
            credit("Anthony Wallace | AFP | Getty Images"),
            credit("Adam Maida for BuzzFeed News"),
            credit("CreditKevin Frayer/Getty Images"),
            credit("A couple in the steppe.Credit: The Siberian Times"),
            credit("Glass cloche terrariums (Lucy Akins)"),
            credit("A house for sale. (Reuters)"),
            credit("Christopher Battin Submitted photo"),
            credit("Exotische Früchte. Foto: Michael Rauhe"),
            credit("«Vape Wave» et «Braguino» DR"),
            credit("先制点が決まり、喜ぶメッシ＝ロイター"),
            credit("This photo from Apple will have to do."),
        ]);
    }

    #[test]
    fn credits_dates_and_traps_from_held_out_pages() {
        let found = |text: &str| {
            let a = analyze(text, &[]);
            (a.credit.is_some(), a.date.is_some())
        };
        assert!(found("Kelly Malloy on the show (Al ‘Hughes’ Dukes Photography)").0);
        assert!(found("Sala de espera de un ambulatorio madrileño. / GORKA LEJARCEGI").0);
        assert!(found("Az Ungvár központjában. MTI Fotó: Nemes János").0);
        assert!(found("A rally in the capital. (MTI)").0);
        // A title that holds the word, and a gallery's teaser.
        assert!(!found("Paramount Triumphs In ‘La Dolce Vita’ Copyright Case").0);
        assert!(!found("Photos: Scenes from a Historic East Coast Tremor").0);
        assert!(found("Photos: Jane Doe and John Roe/AP").0);
        // The year first, with its full stop.
        assert!(found("Zemes nogruvums Askā, Norvēģijā, 2021.gada janvāris").1);
        assert!(found("Ünnepség Budapesten 2015. augusztus 20-án").1);
        assert!(found("Protest w Warszawie, 3 maja 2019").1);
        // Full-width digits are digits: the date patterns still run.
        assert!(found("２０１９年７月１１日撮影").1);
        assert!(!found("In 2016 May became prime minister").1);
        // A copyright sign glued to the caption opens the credit; the
        // words before it are the caption's.
        let text = "Die neue AfD-Fraktion im Bundestag© Odd Andersen /AFP";
        let a = analyze(text, &[]);
        assert_eq!(
            a.credit.map(|f| &text[f.start..f.end]),
            Some("© Odd Andersen /AFP")
        );
        assert!(a.place.is_some());
    }

    #[test]
    fn credit_traps() {
        check(&[
            (
                "Line Outline Ski w/ Convex Tips & Tails",
                false,
                false,
                false,
            ),
            // Where the video comes from, not whose it is.
            ("Dramatic video from Hong Kong", false, false, true),
            (
                "[TrackBack URL: http://example.jp/diary/tb.rb/20190211]",
                false,
                false,
                false,
            ),
            ("Credit", false, false, false),
            // No credit in the slash; the mountain is the place.
            (
                "Aoraki / Mount Cook is the highest point of the island",
                false,
                false,
                true,
            ),
            ("Gretchen Carlson.", false, false, false),
            (
                "Photos: Fans rock out at the Paper Tiger club",
                false,
                false,
                false,
            ),
            (
                "MTA Digital Transformation for Urban Transportation",
                false,
                false,
                false,
            ),
            (
                "Ahmad Rahami was shot by police officers on Monday morning.",
                false,
                true,
                false,
            ),
        ]);
        // The configured agencies count like the embedded ones.
        assert!(
            analyze("Volunteers fill sandbags. Valley Courier", &[])
                .credit
                .is_none()
        );
        assert!(
            analyze(
                "Volunteers fill sandbags. (Valley Courier)",
                &["Valley Courier"]
            )
            .credit
            .is_some()
        );
    }

    #[test]
    fn date_forms() {
        let date = |t: &'static str| (t, false, true, false);
        check(&[
            date("Hillary Clinton speaks, Dec. 8, 2016."),
            date("A rally on Sept. 28."),
            date("She sang on Easter Sunday, 1939."),
            date("An Anzac Day service at the National War Memorial"),
            date("Shares jumped as they started trading on the NYSE Wednesday, valuing it"),
            date("Dorsett, photographed December 19, 2013."),
            date("Friday 25 December 2015"),
            date("Pierre Moscovici, le 7 mai."),
            date("Un Népalais prie, le 30 avril 2015."),
            date("Una protesta el 30 de abril de 2015."),
            date("Die Demonstration am 7. Mai 2019."),
            date("Passengers aboard the Metrorail in December 2015."),
            date("A protest on 2019-11-19."),
            date("Effective 3/21/12."),
            date("公表2019.3.11(月) 16:10"),
            date("寝室が絵本シアターに 2019年7月11日"),
            date("Police stand guard during a prayer ceremony on Sunday."),
            date("Spain's Nadal celebrates, Tuesday, June 25."),
            date("Officials spoke Thursday."),
            date("The bomb exploded about 8:30 p.m. Saturday, injuring 29."),
            date("Das ist ab Mittwoch wieder erlaubt"),
            date("La classe, lundi matin."),
            date("Protesters gathered yesterday."),
            date("Rules announced to mark Community Pubs Day today"),
            date("Police use a water cannon last week."),
            date("The city was closed earlier this week."),
            date("A shelf of extension cords 3 hours ago"),
            date("Fans queue outside the stadium two days ago"),
            date("The chapel in the winter of 1943"),
            date("GETTY: LOS ANGELES - JANUARY 8: smoke rises."),
        ]);
    }

    #[test]
    fn date_traps() {
        let none = |t: &'static str| (t, false, false, false);
        check(&[
            none("Lachlan, Rupert and James Murdoch in 2014."),
            none("Taking limited time away, as I did with my son three years ago"),
            none("A Con Edison worker repairing underground cables this month in Flushing"),
            none("The plant was closed earlier this year"),
            none("Gucci unveiled its Fall-Winter 2015-2016 women's range"),
            none("A crossing in May, before the cut."),
            none("Theresa May's right-hand man"),
            none("Try repurposing them on a Sunday afternoon."),
            none("Joe Friday walks the beat"),
            none("Elliot Brownstein Florida Today"),
            none("Line Outline, 19/20 Graphic"),
            ("© 2016 Simplyfound.com", true, false, false),
            (
                "The Connection Machine. © Thinking Machines Corporation, 1989.",
                true,
                false,
                false,
            ),
        ]);
    }

    #[test]
    fn place_forms() {
        let place = |t: &'static str| (t, false, false, true);
        check(&[
            place("MOSCOW -- Putin toasted cooperation"),
            place("SEOUL, South Korea - A woman watches"),
            place("A laboratory in Shanghai"),
            place("Officials at a refugee camp in Sudan"),
            place("Fires detected near Delhi"),
            place("Burning stubble outside of Delhi"),
            place("Soldiers on the outskirts of Bakhmut"),
            place("A ship that sank off the coast of South Africa"),
            place("Shelling in Kiev"),
            place("A tent in Khan Younis"),
            place("The Bardo museum in Tunis, the capital"),
            place("A house for sale in Toronto's Beaches neighbourhood"),
            place("A student works at the Neonworks of Cincinnati workshop"),
            place("Cristina Gil Lladanosa, at the Barcelona testing lab"),
            place("Hori Parata at his Pātaua farm, where he was born"),
            place("An explosion in Manhattan's Chelsea neighborhood"),
            place("Putin visits the cosmodrome in Amur province"),
            place("Trump speaks in Sioux Center, Iowa"),
            place("Dylann Roof in Shelby, N.C."),
            place("Sam Shaheen on the Line Outline, Crested Butte, CO."),
            place("Flooding in Bushwick, Brooklyn"),
            place("Mozilla spaces, London"),
            place("A basement at 80 New York Avenue"),
            place("A stadium in Mission Valley"),
            place("Drake Assaulted in Dubai Nightclub"),
            place("The city of Uglii was closed"),
            place("Un Népalais prie à Katmandou"),
            place("Petőfi Sándor megrongált szobra Ungvár központjában"),
            place("Hither Hills State Park"),
            place("London"),
            place("Seattle."),
            place("Police at the Standing Rock Sioux Reservation"),
            place("Elephants in the Maasai Mara National Reserve"),
            place("London City Airport was put up for sale"),
            place("Put that light out\nNew York City officials have been informed"),
            place("Gaza residents inspect the rubble"),
            place("Kristi Noem pictured at the White House turkey pardon"),
            place("Protesters gather outside the Kremlin"),
            place("The War Department Library in the Eisenhower Executive Office Building"),
            place("Kaikoura Peninsula."),
            place("Protest przed Sejmem w Warszawie"),
            place("Kibice we Wrocławiu"),
            place("Ulica w Krakowie"),
            place("The Gannet leaves Inishcarra pier"),
            place("The house in Braunau am Inn, Austria"),
            place("障害支援区分認定調査の調査票等を紛失（名古屋市）"),
            place("Adani's coal mine in north Queensland"),
            place("A Rātana church on a hill near Raetihi"),
            place("A stuntman crosses the River Thames by highwire"),
            place("Whangārei Harbour seen from Tamaterau, with mangrove sprouts"),
            place("Hikers at the foot of Franz Josef Glacier"),
            place("The plague wiped out half of Europe in the 14th century"),
            place("A view from the summit ridge of the proposed Yucca Mountain repository site"),
            // Other languages' prepositions and names for countries (CLDR).
            place("Manifestantes em Lisboa, Portugal"),
            place("Protesta nel Lazio"),
            place("Betoging bij Amsterdam"),
            place("Demonstration i Stockholm"),
            place("Proteste in Deutschland"),
            place("Zemes nogruvums Askā, Norvēģijā"),
            // Russian, with the case endings undone: "в Ереване" is in
            // Yerevan, "Еревана" of Yerevan, "в Армении" in Armenia.
            place("В Ереване после заключения соглашения начались беспорядки."),
            place("Протестующие оставались на главной площади Еревана до утра."),
            place("Совсем другие настроения царили в Армении."),
            place("В разных городах Азербайджана начались народные гулянья."),
        ]);
    }

    #[test]
    fn russian_captions() {
        let a = analyze("Protest in Berlin am Montag", &[]);
        assert!(a.place.is_some() && a.date.is_some());
        let a = analyze("МОСКВА, 12 ноя — РИА Новости.", &[]);
        assert!(a.place.is_some() && a.date.is_some());
        let a = analyze(
            "Акция протеста в Москве 12 ноября 2020 года. Фото: Иван Петров",
            &[],
        );
        assert!(a.credit.is_some() && a.date.is_some() && a.place.is_some());
        assert!(analyze("Митинг в четверг", &[]).date.is_some());
        // A title is no place; a month alone is no date.
        let a = analyze("Президент Азербайджана Ильхам Алиев в мае", &[]);
        assert!(a.place.is_none() && a.date.is_none());
    }

    #[test]
    fn a_place_between_dashes_before_the_date() {
        check(&[
            (
                "Slogan taggé sur un rideau des Champs Elysées - Paris - 16 mars 2019",
                false,
                true,
                true,
            ),
            (
                "Des pancartes en mémoire des gilets jaunes. Paris - 2 février 2019",
                false,
                true,
                true,
            ),
            ("Chelsea - 2 goals in the first half", false, false, false),
            // Or set off by a comma after the sentence it closes.
            (
                "Banderole en hommage à Zineb Rédouane, décédée alors qu'elle se trouvait à son domicile. Paris, 16 mars 2018",
                false,
                true,
                true,
            ),
            ("Jordan, 23, a student, waits outside", false, false, false),
        ]);
    }

    #[test]
    fn place_traps() {
        let none = |t: &'static str| (t, false, false, false);
        check(&[
            none("16/50 High street shops hit by exodus"),
            none("Kenya is getting ready to welcome the US president"),
            none("Silver Lake Partners bought the company"),
            none("Silver Lake Partners"),
            none("Green Park station reopens after the floods"),
            none("Tom Cruise - 2 films this year"),
            none("Tenders for the East Coast and West Coast mainlines"),
            none("Chelsea Clinton speaks to supporters"),
            none("Sam Park speaks to reporters"),
            none("The House votes on the bill"),
            none("Paris Hilton arrives"),
            none("US officials meet the delegation"),
            none("Manchester United fans celebrate"),
            none("Tsvangirai meets church leaders at State House"),
            none("A first edition of Virginia Woolf"),
            none("Fans of the Washington Nationals cheer"),
            none("Jordan Spieth lines up a putt"),
            none("Jordan Henderson"),
            none("Nice weather brought crowds out"),
            none("Mobile phones light up the crowd"),
            none("A letter to the Texas governor"),
            none("Smoke above Jupiter's cloud tops"),
            none("Leading Brexiteers courted Australia, Canada and New Zealand"),
            none("Tom Cruise, Katie Holmes -- No Love Lost"),
            none("Marchers in March against the plan"),
            none("South Korea is facing political turmoil"),
            none("Elizabeth II, Queen of New Zealand"),
            (
                "©Royal Geographical Society, London, UK/Bridgeman Images",
                true,
                false,
                false,
            ),
        ]);
    }

    #[test]
    fn similarity() {
        assert!(repeats("Scatter plot", "Scatter plot"));
        assert!(repeats(
            "Ash falls on parked cars outside a school in Ventura",
            "Ash falls on parked cars outside a school in Ventura on Thursday."
        ));
        assert!(!repeats(
            "A flooded street",
            "Residents wade through a flooded street in Paiporta"
        ));
        assert!(!repeats("", ""));
    }
}
