//! Spans of findings on Markdown articles, through the binary: the JSON
//! `start`/`end` of each finding are byte offsets into the `.md` file as
//! stored, and slice it to exactly the text the finding is about, whether
//! that text is a Markdown image's alt or URL, a Hugo shortcode's
//! parameter, a front-matter value or raw HTML; and the human report frames
//! the Markdown line.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

/// One finding of the JSON report.
#[derive(Debug)]
struct Finding {
    rule: String,
    start: usize,
    end: usize,
    line: u64,
    column: u64,
}

/// Lints `source` written to a file named `name` (image paths resolve
/// under `fixtures/images/`) in the given format; the file's bytes and the
/// report.
fn check(name: &str, source: &str, format: &str) -> (Vec<u8>, String) {
    check_in_project(&[], name, source, format)
}

/// [`check`], with other files (a project's `_quarto.yml`) written first,
/// each a path under the temporary folder and its text.
fn check_in_project(
    project: &[(&str, &str)],
    name: &str,
    source: &str,
    format: &str,
) -> (Vec<u8>, String) {
    let dir = tempfile::tempdir().unwrap();
    for (file, text) in project {
        let path = dir.path().join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
    }
    let path = dir.path().join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, source).unwrap();
    let images = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/images");
    let output = Command::cargo_bin("presslint")
        .unwrap()
        .env("NO_COLOR", "1")
        .current_dir(dir.path())
        .args(["check", "--format", format, "--assets"])
        .arg(&images)
        .arg(name)
        .output()
        .unwrap();
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    (
        std::fs::read(&path).unwrap(),
        String::from_utf8(output.stdout).unwrap(),
    )
}

/// The findings on a Markdown source and the file's bytes.
fn findings(source: &str) -> (Vec<u8>, Vec<Finding>) {
    findings_in("story.md", source)
}

/// The findings on a Markdown source written to the file `name` (a path
/// under the temporary folder), and the file's bytes.
fn findings_in(name: &str, source: &str) -> (Vec<u8>, Vec<Finding>) {
    findings_in_project(&[], name, source)
}

/// [`findings_in`], with a project's files written first (see
/// [`check_in_project`]).
fn findings_in_project(
    project: &[(&str, &str)],
    name: &str,
    source: &str,
) -> (Vec<u8>, Vec<Finding>) {
    let (bytes, json) = check_in_project(project, name, source, "json");
    let report: Value = serde_json::from_str(&json).unwrap();
    let found = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| Finding {
            rule: d["rule"].as_str().unwrap().to_string(),
            start: d["span"]["start"].as_u64().unwrap() as usize,
            end: d["span"]["end"].as_u64().unwrap() as usize,
            line: d["span"]["line"].as_u64().unwrap(),
            column: d["span"]["column"].as_u64().unwrap(),
        })
        .collect();
    (bytes, found)
}

/// The text each finding of `rule` points at, in report order.
fn flagged<'b>(bytes: &'b [u8], found: &[Finding], rule: &str) -> Vec<&'b str> {
    found
        .iter()
        .filter(|f| f.rule == rule)
        .map(|f| std::str::from_utf8(&bytes[f.start..f.end]).expect("whole characters"))
        .collect()
}

/// Multibyte text before the findings, so byte offsets, character offsets
/// and columns all differ.
const LEAD: &str =
    "Café owners in Montréal — and in Kraków — say the “winter rush” never came.\n\n";

#[test]
fn markdown_image_alt_and_src() {
    let source = format!(
        "{LEAD}![DSC_0412.JPG](/media/2024/02/11/wend-flood-dog.jpg)\n\n\
         A paragraph between the pictures, long enough to be prose.\n\n\
         ![Image of boats moored in the inner basin](/media/2025/01/18/no-such-photo.jpg)\n\n\
         ![Photo of a crab boat \\[the *Morvoren*\\]](/media/2025/01/18/fishing-boats-moored.jpg)\n\n\
         ![Waves break over the quay wall](</media/2025/01/18/reader-photo-320.jpg> \"Waves at Trevarrick, Cornwall, on January 18, 2025. [Jory Pascoe/Packet]\")\n"
    );
    let (bytes, found) = findings(&source);
    assert_eq!(
        flagged(&bytes, &found, "img-alt-filename"),
        ["DSC_0412.JPG"]
    );
    // The redundant words alone in an alt written as it reads; the whole
    // alt as written, escapes and emphasis included, in one that is not.
    assert_eq!(
        flagged(&bytes, &found, "img-alt-redundant-words"),
        ["Image of", "Photo of a crab boat \\[the *Morvoren*\\]"]
    );
    assert_eq!(
        flagged(&bytes, &found, "img-file-missing"),
        ["/media/2025/01/18/no-such-photo.jpg"]
    );
    // A URL in angle brackets: the URL without them.
    assert_eq!(
        flagged(&bytes, &found, "img-too-small"),
        ["/media/2025/01/18/reader-photo-320.jpg"]
    );
    // Columns count characters, lines start at 1.
    let filename = found.iter().find(|f| f.rule == "img-alt-filename").unwrap();
    assert_eq!((filename.line, filename.column), (3, 3));
}

#[test]
fn a_long_alt_is_flagged_whole() {
    let alt = "Residents and staff gather in the lounge of a care home \\[Wendside House\\] with new wooden floors, large windows and a garden beyond, as a woman cuts a ribbon";
    let source = format!("{LEAD}![{alt}](/media/2024/02/11/wend-flood-care-home.jpg)\n");
    let (bytes, found) = findings(&source);
    assert_eq!(flagged(&bytes, &found, "img-alt-too-long"), [alt]);
}

#[test]
fn raw_html_in_markdown() {
    let img = r#"<img src="/media/staff/hannah-okafor-64.jpg" class="byline-avatar" width="64" height="64">"#;
    let source = format!(
        "{LEAD}By Hannah Okafor {img}, harbour reporter\n\n\
         Read the [council's report](/reports/quay) and <a href=\"/news/quay-live\"></a> our live page.\n\n\
         <figure>\n  <img src=\"/media/2025/01/18/harbourmaster-portrait-800.jpg\" alt=\"photo\" width=\"800\" height=\"533\">\n  \
         <figcaption>The harbourmaster at Polgarrow, Cornwall, on March 28, 2025. Photo: Keziah Lobb/West Briton Post</figcaption>\n\
         </figure>\n"
    );
    let (bytes, found) = findings(&source);
    assert_eq!(flagged(&bytes, &found, "img-alt-missing"), [img]);
    assert_eq!(flagged(&bytes, &found, "img-alt-placeholder"), ["photo"]);
    assert_eq!(
        flagged(&bytes, &found, "link-name-missing"),
        [r#"<a href="/news/quay-live">"#]
    );
}

#[test]
fn shortcode_parameters() {
    let source = format!(
        "{LEAD}{{{{< figure src=\"/uploads/2024/06/12/gannet-deck.jpg\" alt='image' caption=\"Passengers on the open deck.\" attr=\"Orla Devane/West Coast Post\" width=800 height=533 >}}}}\n\n\
         A paragraph between the pictures, long enough to be prose.\n\n\
         {{{{% figure src=/uploads/2024/06/12/no-such-notice.jpg alt=\"The new timetable pinned to a door.\" caption=\"The notice at Carrickmore, Ireland, on June 12, 2024.\" %}}}}\n"
    );
    let (bytes, found) = findings(&source);
    assert_eq!(flagged(&bytes, &found, "img-alt-placeholder"), ["image"]);
    assert_eq!(
        flagged(&bytes, &found, "caption-date-missing"),
        ["Passengers on the open deck."]
    );
    assert_eq!(
        flagged(&bytes, &found, "caption-place-missing"),
        ["Passengers on the open deck."]
    );
    // The second has no attr and no credit in its caption.
    assert_eq!(
        flagged(&bytes, &found, "caption-credit-missing"),
        ["The notice at Carrickmore, Ireland, on June 12, 2024."]
    );
    // An unquoted value.
    assert_eq!(
        flagged(&bytes, &found, "img-file-missing"),
        ["/uploads/2024/06/12/no-such-notice.jpg"]
    );
}

#[test]
fn yaml_front_matter_values() {
    let source = format!(
        "---\n\
         title: \"Trevarrick harbour repair bill tops £2.4m\"\n\
         lang: english # set by the CMS\n\
         image: /media/2025/01/18/no-such-lead.jpg\n\
         image_alt: 'photo'\n\
         caption: \"Boats in the inner basin. (Photo: Jory Pascoe/Trevarrick Packet)\" # from the picture desk\n\
         ---\n\n{LEAD}"
    );
    let (bytes, found) = findings(&source);
    assert_eq!(flagged(&bytes, &found, "document-lang"), ["english"]);
    assert_eq!(
        flagged(&bytes, &found, "img-file-missing"),
        ["/media/2025/01/18/no-such-lead.jpg"]
    );
    assert_eq!(flagged(&bytes, &found, "img-alt-placeholder"), ["photo"]);
    assert_eq!(
        flagged(&bytes, &found, "caption-date-missing"),
        ["Boats in the inner basin. (Photo: Jory Pascoe/Trevarrick Packet)"]
    );
    let lang = found.iter().find(|f| f.rule == "document-lang").unwrap();
    assert_eq!((lang.line, lang.column), (3, 7));
}

#[test]
fn toml_front_matter_values() {
    let source = format!(
        "+++\n\
         title = \"\"\n\
         lang = \"en_GB\"  # the CMS locale\n\
         +++\n\n{LEAD}"
    );
    let (bytes, found) = findings(&source);
    assert_eq!(flagged(&bytes, &found, "document-lang"), ["en_GB"]);
    // An empty value: the key's line.
    assert_eq!(flagged(&bytes, &found, "document-title"), ["title = \"\""]);
}

#[test]
fn human_report_frames_the_markdown_line() {
    let img = r#"<img src="/media/staff/hannah-okafor-64.jpg" width="64" height="64">"#;
    let source = format!(
        "---\ntitle: \"Trevarrick harbour repair bill tops £2.4m\"\nlang: english # set by the CMS\n---\n\n{LEAD}\
         By Morwenna Hale {img}\n"
    );
    let (_, human) = check("story.md", &source, "human");
    // The front-matter line, with the value underlined.
    assert!(human.contains(" --> story.md:3:7\n"), "{human}");
    assert!(
        human.contains("3 | lang: english # set by the CMS\n"),
        "{human}"
    );
    assert!(human.contains("  |       ^^^^^^^\n"), "{human}");
    // The body line holding the raw HTML, the tag underlined after the
    // byline's text.
    assert!(human.contains(" --> story.md:8:18\n"), "{human}");
    assert!(
        human.contains(&format!("8 | By Morwenna Hale {img}\n")),
        "{human}"
    );
    assert!(
        human.contains(&format!(
            "  | {}{}\n",
            " ".repeat("By Morwenna Hale ".len()),
            "^".repeat(img.len())
        )),
        "{human}"
    );
}

#[test]
fn seed_article_read_line_by_line() {
    let seed = include_str!("../fixtures/markdown/seed-article.md");
    let (bytes, found) = findings(seed);
    let alts: Vec<&str> = seed
        .lines()
        .filter_map(|l| l.strip_prefix("!["))
        .map(|l| &l[..l.rfind("](").unwrap()])
        .collect();
    assert_eq!(alts.len(), 2);
    assert_eq!(flagged(&bytes, &found, "img-alt-contains-credit"), alts);
    assert_eq!(flagged(&bytes, &found, "img-alt-too-long"), alts);
}

/// Raw HTML written inline around Markdown text (`<a href>…</a>`, an
/// `<abbr>`, a heading a template writes on one line): the text between
/// the tags is the element's content, as the page renders it. Only a link
/// with nothing between its tags has no name.
#[test]
fn text_between_inline_html_tags_is_their_content() {
    let source = format!(
        "---\ntitle: Quay reopens after the storm\n---\n\n{LEAD}\
         Read the council's <a href=\"/reports/quay\">report on the *quay*</a> and the \
         <abbr title=\"Royal National Lifeboat Institution\">RNLI</abbr> statement.\n\n\
         Go back <a href=\"/\">home</a>, or follow <a href=\"/news/live\"><em>our live page</em></a>.\n\n\
         See the <a href=\"/gallery\">![Boats moored in the basin](/media/2025/01/18/boats.jpg)</a> gallery.\n\n\
         Next <h2 class=\"inline\">Harbour works</h2> and <a href=\"/news/quay-live\"></a> nothing.\n"
    );
    let (bytes, found) = findings(&source);
    assert_eq!(
        flagged(&bytes, &found, "link-name-missing"),
        [r#"<a href="/news/quay-live">"#]
    );
    assert_eq!(flagged(&bytes, &found, "heading-empty"), Vec::<&str>::new());
}

/// A Markdown picture's address says what it is, as a figure's does in
/// HTML: a PNG screenshot, a GIF screen recording and a file named for a
/// chart are no news photos, so no news caption is asked of them; a JPEG
/// photo is, and so is a PNG whose caption credits a photographer.
#[test]
fn a_markdown_pictures_address_says_whether_it_is_a_photo() {
    let source = format!(
        "---\ntitle: Harbour app shows berths live\n---\n\n{LEAD}\
         The new berth planner appears in the harbour app:\n\n\
         ![Berth planner dropdown](/media/2025/01/18/berth-planner-dropdown.png)\n\n\
         Opening a berth shows its tide window.\n\n\
         ![Opening a berth](/media/2025/01/18/berth-open.gif \"Opening a berth\")\n\n\
         Traffic has doubled since the quay reopened.\n\n\
         ![Boats per week](/media/2025/01/18/harbour-traffic-chart.jpg)\n\n\
         The harbourmaster watched the first boats come in.\n\n\
         ![Boats moored in the inner basin](/media/2025/01/18/inner-basin.jpg)\n\n\
         Crews tied up along the new pontoon.\n\n\
         ![Crews on the pontoon](/media/2025/01/18/pontoon.png \"Crews on the new pontoon. Photo: Keziah Lobb/West Briton Post\")\n"
    );
    let (bytes, found) = findings(&source);
    assert_eq!(
        flagged(&bytes, &found, "figure-caption-missing"),
        ["![Boats moored in the inner basin](/media/2025/01/18/inner-basin.jpg)"]
    );
    // The PNG's caption is a photo's, so it is asked for a date and a
    // place; the GIF's title is no news caption.
    assert_eq!(
        flagged(&bytes, &found, "caption-date-missing"),
        ["Crews on the new pontoon. Photo: Keziah Lobb/West Briton Post"]
    );
    assert_eq!(
        flagged(&bytes, &found, "caption-credit-missing"),
        Vec::<&str>::new()
    );
}

/// A front matter without `title` over a body that opens with its
/// `# Headline` (a Docusaurus or MkDocs page, a GitHub Pages post): the
/// headline is the page's title. Without that opening headline the front
/// matter is reported.
#[test]
fn an_opening_headline_titles_a_front_matter_without_title() {
    let titled = "---\nsidebar_position: 2\nauthor: Morwenna Hale\n---\n\n\
                  # Quay reopens after the storm\n\n\
                  Boats returned to the inner basin on Saturday.\n";
    let (_, found) = findings(titled);
    assert!(
        !found.iter().any(|f| f.rule == "document-title"),
        "{found:?}"
    );
    let untitled = "---\nsidebar_position: 2\nauthor: Morwenna Hale\n---\n\n\
                    Boats returned to the inner basin on Saturday.\n\n\
                    # Quay reopens after the storm\n";
    let (bytes, found) = findings(untitled);
    assert_eq!(
        flagged(&bytes, &found, "document-title"),
        ["---\nsidebar_position: 2\nauthor: Morwenna Hale\n---\n"]
    );
}

/// A picture that links to another page (`[![alt](thumb)](/story)`, a
/// video's thumbnail linking to the video) is a card for that page, as in
/// HTML: no news caption is asked of it. A picture linking to its own
/// larger file is still a photo.
#[test]
fn a_picture_linking_to_another_page_is_a_card() {
    let source = format!(
        "---\ntitle: Quay reopens after the storm\n---\n\n{LEAD}\
         Watch the first boats come in:\n\n\
         [![Boats returning to the quay](https://img.youtube.com/vi/abc123/0.jpg)](https://www.youtube.com/watch?v=abc123)\n\n\
         Read our report from the night of the storm.\n\n\
         [![Waves over the quay wall](/media/2025/01/11/storm-quay.jpg)](/news/2025/01/11/storm-night)\n\n\
         The harbourmaster watched from the pier.\n\n\
         [![Boats moored in the inner basin](/media/2025/01/18/inner-basin.jpg)](/media/2025/01/18/inner-basin-full.jpg)\n"
    );
    let (bytes, found) = findings(&source);
    assert_eq!(
        flagged(&bytes, &found, "figure-caption-missing"),
        ["![Boats moored in the inner basin](/media/2025/01/18/inner-basin.jpg)"]
    );
}

/// A Jekyll collection's document (under `_posts/`, `_tabs/`) without a
/// `title` is titled after its file name, and its layout shows that title
/// as the headline; the same file outside a collection has no title.
#[test]
fn a_jekyll_collection_document_is_titled_after_its_file_name() {
    let post = "---\nlayout: post\nauthor: Morwenna Hale\n---\n\n\
                Boats returned to the inner basin on Saturday.\n\n\
                ## What the harbour master said\n\nThe quay is safe.\n";
    let rules = |name: &str| -> Vec<String> {
        let (_, found) = findings_in(name, post);
        found.into_iter().map(|f| f.rule).collect()
    };
    let titled = rules("_posts/2024-05-01-quay-reopens-after-the-storm.md");
    assert!(
        !titled
            .iter()
            .any(|r| r == "document-title" || r == "heading-h1-missing"),
        "{titled:?}"
    );
    let untitled = rules("posts/2024-05-01-quay-reopens-after-the-storm.md");
    assert!(
        untitled.iter().any(|r| r == "document-title"),
        "{untitled:?}"
    );
}

/// What a code shortcode holds is a listing shown as written: its HTML,
/// headings and pictures are not the article's.
#[test]
fn a_code_shortcode_holds_a_listing_not_the_article() {
    let post = "---\ntitle: How the night desk builds the live page\n---\n\n\
                The live page's template opens with the headline:\n\n\
                {{< highlight html >}}\n<h1>{{ .Title }}</h1>\n\
                <img src=\"{{ .Params.lead }}\">\n# a comment, not a heading\n{{< /highlight >}}\n\n\
                Liquid sites write it the same way:\n\n\
                {% highlight html %}\n<iframe src=\"/live/feed\"></iframe>\n{% endhighlight %}\n\n\
                <img src=\"/media/2024/02/11/wend-flood-river.jpg\">\n";
    let (bytes, found) = findings(post);
    assert!(
        !found
            .iter()
            .any(|f| f.rule == "heading-h1-multiple" || f.rule == "iframe-title-missing"),
        "{found:?}"
    );
    // The picture after the listings is the article's, and is checked.
    assert_eq!(
        flagged(&bytes, &found, "img-alt-missing"),
        ["<img src=\"/media/2024/02/11/wend-flood-river.jpg\">"]
    );
}

/// An archetype or scaffold (a front matter of template tags) and a Hugo
/// headless bundle are not pages: no title or headline is asked of them.
#[test]
fn templates_and_headless_bundles_are_not_pages() {
    for source in [
        "---\ntitle: {{ replace .Name \"-\" \" \" | title }}\ndate: {{ .Date }}\n---\n\nBody.\n",
        "+++\nheadless = true\n+++\n\nShared install steps.\n",
    ] {
        let (_, found) = findings(source);
        assert!(
            !found
                .iter()
                .any(|f| f.rule == "document-title" || f.rule == "heading-h1-missing"),
            "{source}: {found:?}"
        );
    }
    let (_, found) = findings("---\nheadless: false\n---\n\nBody.\n");
    assert!(
        found.iter().any(|f| f.rule == "document-title"),
        "{found:?}"
    );
}

/// A Jekyll theme's `{% include figure %}` is a figure like Hugo's
/// shortcode: its `image_path` is the picture, checked on disk, and its
/// `alt` and `caption` are read where they are written. It takes no size,
/// so it is not asked for one.
#[test]
fn jekyll_figure_include_parameters() {
    let source = format!(
        "{LEAD}{{% include figure image_path=\"/uploads/2024/06/12/gannet-deck.jpg\" alt=\"image\" caption=\"Passengers on the open deck.\" %}}\n\n\
         A paragraph between the pictures, long enough to be prose.\n\n\
         {{% include figure.html image_path=/uploads/2024/06/12/no-such-notice.jpg caption=\"The notice at Carrickmore, Ireland, on June 12, 2024. [Orla Devane]\" %}}\n"
    );
    let (bytes, found) = findings(&source);
    assert_eq!(flagged(&bytes, &found, "img-alt-placeholder"), ["image"]);
    assert_eq!(
        flagged(&bytes, &found, "caption-credit-missing"),
        ["Passengers on the open deck."]
    );
    assert_eq!(
        flagged(&bytes, &found, "img-file-missing"),
        ["/uploads/2024/06/12/no-such-notice.jpg"]
    );
    assert_eq!(
        flagged(&bytes, &found, "img-alt-missing"),
        [
            "{% include figure.html image_path=/uploads/2024/06/12/no-such-notice.jpg caption=\"The notice at Carrickmore, Ireland, on June 12, 2024. [Orla Devane]\" %}"
        ]
    );
    assert!(
        flagged(&bytes, &found, "img-unsized").is_empty(),
        "{found:?}"
    );
}

/// A Hugo theme's `{{< image >}}` or `{{< img >}}` shortcode is an image
/// like Hugo's `figure`, and a figure when it is given a caption; al-folio's
/// `{% include figure.liquid path=… %}` is a Jekyll figure include.
#[test]
fn theme_image_shortcodes_and_al_folio_includes() {
    let source = format!(
        "{LEAD}{{{{< image src=\"/uploads/2024/06/12/no-such-roof.jpg\" caption=\"A roof torn off at Carrickmore, Ireland, on June 12, 2024.\" width=800 height=533 >}}}}\n\n\
         A paragraph between the pictures, long enough to be prose.\n\n\
         {{{{< img src=\"/uploads/2024/06/12/gannet-deck.jpg\" alt=\"image\" >}}}}\n\n\
         Another paragraph between the pictures, long enough to be prose.\n\n\
         {{% include figure.liquid path=\"/uploads/2024/06/12/gannet-deck.jpg\" alt=\"Passengers on the open deck\" caption=\"Passengers on the open deck at Carrickmore, Ireland. [Orla Devane]\" %}}\n"
    );
    let (bytes, found) = findings(&source);
    assert_eq!(
        flagged(&bytes, &found, "img-file-missing"),
        ["/uploads/2024/06/12/no-such-roof.jpg"]
    );
    assert_eq!(
        flagged(&bytes, &found, "caption-credit-missing"),
        ["A roof torn off at Carrickmore, Ireland, on June 12, 2024."]
    );
    assert_eq!(flagged(&bytes, &found, "img-alt-placeholder"), ["image"]);
    assert_eq!(
        flagged(&bytes, &found, "img-unsized"),
        ["{{< img src=\"/uploads/2024/06/12/gannet-deck.jpg\" alt=\"image\" >}}"]
    );
    assert_eq!(
        flagged(&bytes, &found, "caption-date-missing"),
        ["Passengers on the open deck at Carrickmore, Ireland. [Orla Devane]"]
    );
    // The captionless `img` is no figure.
    assert!(
        flagged(&bytes, &found, "figure-caption-missing").is_empty(),
        "{found:?}"
    );
}

/// In MDX, a framework's `<Image>` component given an imported picture
/// writes the `<img>` with that picture's size, so it is not asked for one;
/// it is still asked for alt text. A plain `<img>` given the same
/// expression has no size.
#[test]
fn mdx_image_components_are_sized_by_the_framework() {
    let source = format!(
        "import {{ Image }} from 'astro:assets';\nimport harbour from '../assets/harbour.jpg';\n\n{LEAD}\
         <Image src={{harbour}} alt=\"Boats moored in the harbour at Carrickmore\" />\n\n\
         A paragraph between the pictures, long enough to be prose.\n\n\
         <Image src={{harbour}} />\n\n\
         Another paragraph between the pictures, long enough to be prose.\n\n\
         <img src={{harbour.src}} alt=\"Boats moored in the harbour\" />\n"
    );
    let (bytes, found) = findings_in("story.mdx", &source);
    assert_eq!(
        flagged(&bytes, &found, "img-alt-missing"),
        ["<Image src={harbour} />"]
    );
    assert_eq!(
        flagged(&bytes, &found, "img-unsized"),
        ["<img src={harbour.src} alt=\"Boats moored in the harbour\" />"]
    );
}

/// A Markdown picture wrapped in a raw-HTML `<figure>` (blank lines around
/// it, as CommonMark needs) is captioned by the `<figcaption>` there: it is
/// not reported as uncaptioned, and the caption is checked where it is
/// written.
#[test]
fn markdown_picture_in_an_html_figure_takes_its_figcaption() {
    let source = format!(
        "{LEAD}<figure>\n\n![Passengers on the open deck](/uploads/2024/06/12/gannet-deck.jpg)\n\n<figcaption>Passengers on the open deck. [Orla Devane]</figcaption>\n</figure>\n"
    );
    let (bytes, found) = findings(&source);
    assert!(
        flagged(&bytes, &found, "figure-caption-missing").is_empty(),
        "{found:?}"
    );
    assert_eq!(
        flagged(&bytes, &found, "caption-date-missing"),
        ["<figcaption>"]
    );
    assert_eq!(
        flagged(&bytes, &found, "img-alt-duplicates-caption"),
        ["Passengers on the open deck"]
    );
}

/// Markup commented out with MDX's `{/* … */}` is not on the page: its
/// pictures and captions are not checked; the markup around it is.
#[test]
fn mdx_comments_hide_what_they_hold() {
    let source = format!(
        "{LEAD}{{/* <img src=\"/uploads/old-deck.jpg\"> */}}\n\n\
         {{/*\n<figure><img src=\"/uploads/old-notice.jpg\"><figcaption>Old notice</figcaption></figure>\n*/}}\n\n\
         <img src=\"/uploads/2024/06/12/gannet-deck.jpg\">\n"
    );
    let (bytes, found) = findings_in("story.mdx", &source);
    assert_eq!(
        flagged(&bytes, &found, "img-alt-missing"),
        ["<img src=\"/uploads/2024/06/12/gannet-deck.jpg\">"]
    );
    assert!(
        !found
            .iter()
            .any(|f| f.rule.starts_with("caption-") || f.rule == "img-file-missing"),
        "{found:?}"
    );
}

/// A Jekyll post's picture addressed through the site's base URL
/// (`{{ site.baseurl }}/assets/…`, `{{ "/assets/…" | relative_url }}`, or
/// `{{ site.url }}{{ site.baseurl }}/…` in raw HTML) is the root-relative
/// path after it: looked up and checked, not skipped as a template. Jekyll
/// renders the Liquid before the Markdown, so the spaces inside the tag do
/// not end the picture's destination.
#[test]
fn jekyll_site_addresses_are_root_relative_paths() {
    let source = format!(
        "{LEAD}![Passengers on the open deck]({{{{ site.baseurl }}}}/uploads/2024/06/12/no-such-deck.jpg)\n\n\
         A paragraph between the pictures, long enough to be prose.\n\n\
         ![]({{{{ \"/uploads/2024/06/12/gannet-deck.jpg\" | relative_url }}}})\n\n\
         Another paragraph between the pictures, long enough to be prose.\n\n\
         <img src=\"{{{{ site.url }}}}{{{{ site.baseurl }}}}/uploads/2024/06/12/no-such-notice.jpg\" alt=\"The notice\" width=\"800\" height=\"533\">\n"
    );
    let (bytes, found) = findings(&source);
    assert_eq!(
        flagged(&bytes, &found, "img-file-missing"),
        [
            "{{ site.baseurl }}/uploads/2024/06/12/no-such-deck.jpg",
            "{{ site.url }}{{ site.baseurl }}/uploads/2024/06/12/no-such-notice.jpg"
        ]
    );
    assert_eq!(
        flagged(&bytes, &found, "img-alt-missing"),
        ["![]({{ \"/uploads/2024/06/12/gannet-deck.jpg\" | relative_url }})"]
    );
}

/// A caption written on the line after the picture, in the same paragraph
/// (`![…](…)` then `*…*`, as kramdown and GitHub writers do), is the
/// picture's caption when it is wholly emphasised or starts `Caption:`;
/// plain text after a picture is not.
#[test]
fn caption_on_the_line_after_the_picture() {
    let source = format!(
        "{LEAD}![Passengers on the open deck](/uploads/2024/06/12/gannet-deck.jpg)\n*Passengers on the open deck. [Orla Devane]*\n\n\
         ![Passengers boarding](/uploads/2024/06/12/gannet-deck.jpg)\nThe ferry left at noon, an hour late, with every seat taken.\n"
    );
    let (bytes, found) = findings(&source);
    assert_eq!(
        flagged(&bytes, &found, "caption-date-missing"),
        ["*Passengers on the open deck. [Orla Devane]*"]
    );
    assert!(
        flagged(&bytes, &found, "figure-caption-missing").is_empty(),
        "{found:?}"
    );
}

/// Attribute lists (kramdown's `{: …}`, MkDocs' `{ width="300" }`) are
/// markup, not text: a picture with one after it still stands alone and
/// is drawn at the size it gives, which is checked against the file; a
/// `{: .caption}` line under a caption line leaves that line the picture's
/// caption.
#[test]
fn attribute_lists_are_markup() {
    let source = format!(
        "{LEAD}![Passengers on the open deck](/uploads/2024/06/12/gannet-deck.jpg){{: .center width=\"800\" height=\"200\"}}\n\n\
         A paragraph between the pictures, long enough to be prose.\n\n\
         ![Passengers boarding the ferry](/uploads/2024/06/12/gannet-deck.jpg)\n*Passengers board the ferry. [Orla Devane]*\n{{: .caption}}\n"
    );
    let (bytes, found) = findings(&source);
    assert_eq!(
        flagged(&bytes, &found, "figure-caption-missing"),
        ["![Passengers on the open deck](/uploads/2024/06/12/gannet-deck.jpg)"]
    );
    assert_eq!(flagged(&bytes, &found, "img-aspect-mismatch"), ["200"]);
    assert_eq!(
        flagged(&bytes, &found, "caption-date-missing"),
        ["*Passengers board the ferry. [Orla Devane]*"]
    );
}

/// A paragraph holding a picture and its caption line is that picture's
/// figure, not the caption of the picture before it.
#[test]
fn the_next_picture_is_no_caption() {
    let source = format!(
        "{LEAD}![Passengers on the open deck](/uploads/2024/06/12/gannet-deck.jpg)\n\n\
         ![Passengers boarding the ferry](/uploads/2024/06/12/gannet-deck.jpg)\n*Passengers board the ferry. [Orla Devane]*\n"
    );
    let (bytes, found) = findings(&source);
    assert_eq!(
        flagged(&bytes, &found, "figure-caption-missing"),
        ["![Passengers on the open deck](/uploads/2024/06/12/gannet-deck.jpg)"]
    );
    assert_eq!(
        flagged(&bytes, &found, "caption-date-missing"),
        ["*Passengers board the ferry. [Orla Devane]*"]
    );
}

/// An HTML block marked `markdown="1"` (kramdown, Python-Markdown;
/// MkDocs Material's `<figure markdown="span">`) has its Markdown read:
/// the picture inside is captioned by the `<figcaption>` beside it. One
/// marked `markdown="0"` stays HTML.
#[test]
fn markdown_inside_html_blocks_marked_for_it() {
    let source = format!(
        "{LEAD}<figure markdown=\"1\">\n![Passengers on the open deck](/uploads/2024/06/12/gannet-deck.jpg)\n<figcaption>Passengers on the open deck. [Orla Devane]</figcaption>\n</figure>\n\n\
         <figure markdown=\"span\">\n  ![](/uploads/2024/06/12/gannet-deck.jpg){{ width=\"300\" }}\n  <figcaption>Passengers board the ferry at Hull on June 12. [Orla Devane]</figcaption>\n</figure>\n\n\
         <div markdown=\"0\">\n![](/uploads/2024/06/12/no-such-deck.jpg)\n</div>\n"
    );
    let (bytes, found) = findings(&source);
    assert!(
        flagged(&bytes, &found, "figure-caption-missing").is_empty(),
        "{found:?}"
    );
    assert_eq!(
        flagged(&bytes, &found, "caption-date-missing"),
        ["<figcaption>"]
    );
    assert_eq!(
        flagged(&bytes, &found, "img-alt-missing"),
        ["![](/uploads/2024/06/12/gannet-deck.jpg)"]
    );
    assert!(
        flagged(&bytes, &found, "img-file-missing").is_empty(),
        "{found:?}"
    );
}

/// A caption line written in inline HTML emphasis (`<em>…</em>`) under a
/// picture is its caption, as `*…*` is.
#[test]
fn caption_line_in_html_emphasis() {
    let source = format!(
        "{LEAD}![Passengers on the open deck](/uploads/2024/06/12/gannet-deck.jpg)\n<em>Passengers on the open deck. [Orla Devane]</em>\n"
    );
    let (bytes, found) = findings(&source);
    assert_eq!(
        flagged(&bytes, &found, "caption-date-missing"),
        ["<em>Passengers on the open deck. [Orla Devane]</em>"]
    );
    assert!(
        flagged(&bytes, &found, "figure-caption-missing").is_empty(),
        "{found:?}"
    );
}

/// A Jekyll figure include's picture is from the site's root, as the
/// include's `relative_url` makes it, with or without a leading `/`
/// (al-folio writes `path="assets/img/…"`); an unquoted value is a Liquid
/// variable, and so is `{{ page.cover }}` as a Markdown picture's address:
/// not a file to look for.
#[test]
fn jekyll_include_paths_are_from_the_site_root() {
    let source = format!(
        "{LEAD}{{% include figure.liquid path=\"uploads/2024/06/12/gannet-deck.jpg\" alt=\"Passengers on the open deck\" caption=\"Passengers on the open deck at Carrickmore, Ireland, on June 12. [Orla Devane]\" %}}\n\n\
         A paragraph between the pictures, long enough to be prose.\n\n\
         {{% include figure.liquid path=\"uploads/2024/06/12/no-such-deck.jpg\" alt=\"The empty deck\" caption=\"The empty deck at Carrickmore, Ireland, on June 12. [Orla Devane]\" %}}\n\n\
         Another paragraph between the pictures, long enough to be prose.\n\n\
         {{% include figure.html image_path=page.cover alt=\"The cover\" caption=\"The harbour at Carrickmore, Ireland, on June 12. [Orla Devane]\" %}}\n\n\
         A third paragraph between the pictures, long enough to be prose.\n\n\
         ![The cover]({{{{ page.cover }}}})\n"
    );
    let (bytes, found) = findings_in("_posts/2024-06-12-ferry.md", &source);
    assert_eq!(
        flagged(&bytes, &found, "img-file-missing"),
        ["uploads/2024/06/12/no-such-deck.jpg"]
    );
    assert!(
        !found.iter().any(|f| f.rule == "assets-unresolved"),
        "{found:?}"
    );
}

/// Pandoc Markdown (Quarto's `.qmd`, R Markdown's `.Rmd`): a picture alone
/// in its paragraph is a figure whose bracket text is its caption, and
/// whose alt text is its `fig-alt`, else that caption (which Pandoc writes
/// into the alt). A Quarto figure div's last paragraph is the caption of
/// the picture in it.
#[test]
fn pandoc_figures_in_quarto_documents() {
    let source = format!(
        "{LEAD}![Passengers board the ferry at Hull, England, on June 12, 2024. Orla Devane/AP](/uploads/2024/06/12/gannet-deck.jpg){{fig-alt=\"Passengers on the open deck\"}}\n\n\
         A paragraph between the pictures, long enough to be prose.\n\n\
         ![Passengers on the open deck. Orla Devane/AP](/uploads/2024/06/12/gannet-deck.jpg)\n\n\
         Another paragraph between the pictures, long enough to be prose.\n\n\
         ::: {{#fig-deck}}\n![](/uploads/2024/06/12/gannet-deck.jpg){{fig-alt=\"The open deck\"}}\n\nThe open deck of the ferry at Hull, England, in June. [Orla Devane]\n:::\n\n\
         ![](/uploads/2024/06/12/gannet-deck.jpg)\n"
    );
    let (bytes, found) = findings_in("posts/ferry/index.qmd", &source);
    // The first figure's caption says all; its alt is its fig-alt.
    assert!(
        !found
            .iter()
            .any(|f| f.start < LEAD.len() + 120 && f.rule.starts_with("caption-")),
        "{found:?}"
    );
    // The second's caption lacks a date and a place, and is its alt.
    assert_eq!(
        flagged(&bytes, &found, "caption-date-missing"),
        [
            "Passengers on the open deck. Orla Devane/AP",
            "The open deck of the ferry at Hull, England, in June. [Orla Devane]"
        ]
    );
    assert_eq!(
        flagged(&bytes, &found, "img-alt-contains-credit"),
        ["Passengers on the open deck. Orla Devane/AP"]
    );
    assert_eq!(
        flagged(&bytes, &found, "img-alt-missing"),
        ["![](/uploads/2024/06/12/gannet-deck.jpg)"]
    );
    assert_eq!(
        flagged(&bytes, &found, "figure-caption-missing"),
        ["![](/uploads/2024/06/12/gannet-deck.jpg)"]
    );
    let (_, human) = check("posts/ferry/index.qmd", &source, "human");
    assert!(human.contains("add fig-alt=\"…\""), "{human}");
}

/// In a plain `.md` file the bracket text stays the alt text, and a
/// Docusaurus or VitePress container's fence (`:::tip[…]`) is markup: a
/// picture on the line under it still stands alone.
#[test]
fn container_fences_are_markup() {
    let source = format!(
        "{LEAD}:::tip[On the quay]\n![Passengers on the open deck. Orla Devane/AP](/uploads/2024/06/12/gannet-deck.jpg)\n:::\n"
    );
    let (bytes, found) = findings(&source);
    assert_eq!(
        flagged(&bytes, &found, "img-alt-contains-credit"),
        ["Passengers on the open deck. Orla Devane/AP"]
    );
    assert!(
        !found.iter().any(|f| f.rule == "figure-caption-missing"),
        "the alt's credit makes it the caption: {found:?}"
    );
    assert!(!found.iter().any(|f| f.rule == "heading-fake"), "{found:?}");
}

/// Pandoc's forms that are not figures still read right: an attribute
/// list running on over two lines is markup and its `fig-alt` the alt
/// text; `fig-alt` is the alt of a picture that is not alone too; a link
/// written inside a picture's brackets is no link (the alt text is plain
/// text); and a plain line right before a code block introduces it, it is
/// no subheading.
#[test]
fn pandoc_forms_that_are_not_figures() {
    let source = format!(
        "{LEAD}![Passengers board the ferry at Hull, England, on June 12, 2024. Orla Devane/AP](/uploads/2024/06/12/gannet-deck.jpg){{.lightbox\n  fig-alt=\"Passengers on the open deck\"}}\n\n\
         The deck as the ferry left ![](/uploads/2024/06/12/gannet-deck.jpg){{fig-alt=\"The open deck\"}} at noon, an hour late.\n\n\
         ![[Passengers](https://example.org/ferry) board the ferry at Hull, England, on June 12, 2024. Orla Devane/AP](/uploads/2024/06/12/gannet-deck.jpg){{fig-alt=\"Passengers boarding\"}}\n\n\
         We counted the sailings from the timetable the operator publishes every week.\n\n\
         The count comes from one short query\n\n```sql\nSELECT count(*) FROM sailings;\n```\n\n\
         It gives 41 sailings a week, the most since the route opened in 1998.\n"
    );
    let (bytes, found) = findings_in("posts/ferry/index.qmd", &source);
    for rule in [
        "img-alt-contains-credit",
        "img-alt-missing",
        "link-name-missing",
        "heading-fake",
    ] {
        assert!(
            flagged(&bytes, &found, rule).is_empty(),
            "{rule}: {found:?}"
        );
    }
}

/// A Quarto interlink (``[](`quartodoc.Builder`)``) gets its text from the
/// renderer, the name of the object it points at; an empty link to a page
/// has none.
#[test]
fn quarto_interlinks_are_named_by_the_renderer() {
    let source = format!(
        "{LEAD}The timetable is built by [](`ferry.Timetable`) and printed by [](:func:`ferry.print`), and its notes are [](/ferry/notes).\n"
    );
    let (bytes, found) = findings_in("posts/ferry/index.qmd", &source);
    assert_eq!(
        flagged(&bytes, &found, "link-name-missing"),
        ["[](/ferry/notes)"]
    );
}

/// A picture an R chunk shows (`knitr::include_graphics`) is a figure
/// captioned by the chunk's `fig.cap` (or Quarto's `#| fig-cap:`) and
/// described by its `fig.alt`: the findings point into the chunk, at the
/// path and at the caption's text. A chunk with `include=FALSE` shows
/// nothing.
#[test]
fn pictures_r_chunks_show() {
    let source = format!(
        "{LEAD}```{{r deck, echo=FALSE, fig.cap=\"Passengers on the open deck. [Orla Devane]\"}}\nknitr::include_graphics(\"/uploads/2024/06/12/gannet-deck.jpg\")\n```\n\n\
         A paragraph between the pictures, long enough to be prose.\n\n\
         ```{{r}}\n#| fig-cap: \"Passengers board the ferry at Hull, England, on June 12, 2024. [Orla Devane]\"\n#| fig-alt: \"Passengers on the open deck\"\nknitr::include_graphics(\"/uploads/2024/06/12/no-such-deck.jpg\")\n```\n\n\
         ```{{r, include=FALSE}}\nknitr::include_graphics(\"/uploads/2024/06/12/hidden-deck.jpg\")\n```\n"
    );
    let (bytes, found) = findings_in("ferry.Rmd", &source);
    assert_eq!(
        flagged(&bytes, &found, "caption-date-missing"),
        ["Passengers on the open deck. [Orla Devane]"]
    );
    assert_eq!(
        flagged(&bytes, &found, "img-file-missing"),
        ["/uploads/2024/06/12/no-such-deck.jpg"]
    );
    assert!(
        flagged(&bytes, &found, "img-alt-missing").is_empty(),
        "{found:?}"
    );
    assert!(
        flagged(&bytes, &found, "figure-caption-missing").is_empty(),
        "{found:?}"
    );
}

/// Pandoc's templates leave out the title block of an empty `title: ""`
/// (a Quarto site's home page): no empty heading, but no headline either.
#[test]
fn an_empty_pandoc_title_is_no_heading() {
    let source = "---\ntitle: \"\"\nlang: en\n---\n\nThe ferry left at noon, an hour late, with every seat taken.\n";
    let (_, found) = findings_in("index.qmd", source);
    assert!(
        !found.iter().any(|f| f.rule == "heading-empty"),
        "{found:?}"
    );
    assert!(
        found.iter().any(|f| f.rule == "heading-h1-missing"),
        "{found:?}"
    );
    let (_, found) = findings_in("index.md", source);
    assert!(found.iter().any(|f| f.rule == "heading-empty"), "{found:?}");
}

/// MyST's `{figure}` and `{image}` directives (Jupyter Book, MyST-Parser),
/// fenced with backticks or colons: the argument is the picture, the
/// `:alt:` option (or `alt:` in a `---` block) its alt text, and the first
/// paragraph of a figure's body its caption. Findings point at the fence
/// line, the argument and the caption.
#[test]
fn myst_figure_and_image_directives() {
    let source = format!(
        "{LEAD}```{{figure}} /uploads/2024/06/12/gannet-deck.jpg\n:width: 80%\n\nPassengers on the open deck. [Orla Devane]\n```\n\n\
         A paragraph between the pictures, long enough to be prose.\n\n\
         :::{{figure}} /uploads/2024/06/12/no-such-deck.jpg\n---\nalt: Passengers boarding the ferry\nname: boarding\n---\nPassengers board the ferry at Hull, England, on June 12, 2024. [Orla Devane]\n:::\n\n\
         ```{{image}} /uploads/2024/06/12/timetable-notice.jpg\n:alt: The timetable notice at the quay\n```\n"
    );
    let (bytes, found) = findings(&source);
    assert_eq!(
        flagged(&bytes, &found, "img-alt-missing"),
        ["```{figure} /uploads/2024/06/12/gannet-deck.jpg"]
    );
    assert_eq!(
        flagged(&bytes, &found, "caption-date-missing"),
        ["Passengers on the open deck. [Orla Devane]"]
    );
    assert_eq!(
        flagged(&bytes, &found, "img-file-missing"),
        ["/uploads/2024/06/12/no-such-deck.jpg"]
    );
    assert!(
        !found
            .iter()
            .any(|f| f.rule == "figure-caption-missing" || f.rule == "heading-fake"),
        "{found:?}"
    );
    let (_, human) = check("story.md", &source, "human");
    assert!(
        human.contains("add an :alt: option to the directive"),
        "{human}"
    );
}

/// A directive's `:width:` and `:height:` in pixels (`800px`, or a bare
/// number) are the size the picture is drawn at, checked against the file
/// as an attribute list's are; a percentage or another unit is relative
/// to the page and is not.
#[test]
fn myst_sizes_in_pixels_are_checked_against_the_file() {
    let source = format!(
        "{LEAD}```{{image}} /uploads/2024/06/12/gannet-deck.jpg\n:alt: Passengers on the open deck\n:width: 800px\n:height: 200\n```\n\n\
         A paragraph between the pictures, long enough to be prose.\n\n\
         ```{{image}} /uploads/2024/06/12/gannet-deck.jpg\n:alt: Passengers on the deck at dusk\n:width: 80%\n:height: 20em\n```\n"
    );
    let (bytes, found) = findings(&source);
    assert_eq!(flagged(&bytes, &found, "img-aspect-mismatch"), ["200"]);
    let (_, human) = check("story.md", &source, "human");
    assert!(human.contains("set :height: 533"), "{human}");
}

/// In a MyST document a link left empty gets its text from MyST (the
/// target's title, or its address), and so does a cross-reference to
/// another project (`xref:`) anywhere; an empty link in plain Markdown has
/// none. A MyST embed (`![](#label)`) is no picture.
#[test]
fn myst_fills_empty_links() {
    let myst = format!(
        "{LEAD}(deck)=\n## On deck\n\nSee [](#deck), [](timetable.md) and [](https://example.org/ferry).\n\n![](#deck)\n"
    );
    let (_, found) = findings(&myst);
    assert!(
        !found
            .iter()
            .any(|f| f.rule == "link-name-missing" || f.rule.starts_with("img-")),
        "{found:?}"
    );
    let plain = format!("{LEAD}See [](xref:guide/figures) and [](timetable.md).\n");
    let (bytes, found) = findings(&plain);
    assert_eq!(
        flagged(&bytes, &found, "link-name-missing"),
        ["[](timetable.md)"]
    );
}

/// What MyST directives hold: the body of an admonition is an aside, not
/// the story's subhead; a code cell's and a colon-fenced `{math}` block's
/// lines are code, not headings; a picture alone in its paragraph is a
/// figure only when captioned, as MyST makes figures with `{figure}`; a
/// video in a figure is no picture.
#[test]
fn what_myst_directives_hold() {
    let source = format!(
        "{LEAD}:::{{note}}\nHow we counted\n\nWe counted every passenger who boarded at Hull over the week.\n:::\n\n\
         ```{{code-cell}} python\n# Count the passengers\ncounts = df.groupby(\"day\").size()\n```\n\n\
         :::{{math}}\n# not a heading\n:::\n\n\
         ![Passengers on the open deck](/uploads/2024/06/12/gannet-deck.jpg)\n\n\
         ```{{figure}} media/boarding.mp4\nPassengers boarding.\n```\n"
    );
    let (_, found) = findings(&source);
    assert!(
        !found.iter().any(|f| f.rule.starts_with("heading-")
            || f.rule.starts_with("caption-")
            || f.rule == "figure-caption-missing"
            || f.rule == "img-file-broken"
            || f.rule == "img-file-missing"),
        "{found:?}"
    );
}

/// A `.md` file is read as its project's generator reads it: in a Quarto
/// project (`_quarto.yml` in a folder above it) as Pandoc Markdown, where a
/// lone picture's bracket text is its caption; in a Jupyter Book or mystmd
/// project (`myst.yml`), or a Sphinx one whose `conf.py` loads MyST-Parser,
/// as MyST, where a link left empty gets its target's title. The same file
/// elsewhere is CommonMark.
#[test]
fn a_project_file_says_which_markdown_a_file_is() {
    let source = format!(
        "{LEAD}![Passengers on the open deck. [Orla Devane]](/uploads/2024/06/12/gannet-deck.jpg)\n\n\
         The timetable is in [](timetable.md).\n"
    );
    let name = "site/posts/ferry/index.md";
    let quarto = [("site/_quarto.yml", "project:\n  type: website\n")];
    let (bytes, found) = findings_in_project(&quarto, name, &source);
    assert_eq!(
        flagged(&bytes, &found, "caption-date-missing"),
        ["Passengers on the open deck. [Orla Devane]"]
    );
    assert!(
        !found.iter().any(|f| f.rule == "figure-caption-missing"),
        "{found:?}"
    );
    assert_eq!(
        flagged(&bytes, &found, "link-name-missing"),
        ["[](timetable.md)"]
    );
    let myst = [("site/myst.yml", "version: 1\nproject:\n  title: Ferries\n")];
    let sphinx = [(
        "site/conf.py",
        "project = \"Ferries\"\nextensions = [\"myst_parser\", \"sphinx.ext.intersphinx\"]\n",
    )];
    for project in [&myst[..], &sphinx[..]] {
        let (_, found) = findings_in_project(project, name, &source);
        assert!(
            !found
                .iter()
                .any(|f| f.rule == "link-name-missing" || f.rule == "figure-caption-missing"),
            "{project:?}: {found:?}"
        );
    }
    // A Sphinx project that does not load MyST reads CommonMark.
    let plain_sphinx = [("site/conf.py", "extensions = [\"recommonmark\"]\n")];
    let (bytes, found) = findings_in_project(&plain_sphinx, name, &source);
    assert_eq!(
        flagged(&bytes, &found, "link-name-missing"),
        ["[](timetable.md)"]
    );
    let (bytes, found) = findings_in(name, &source);
    assert_eq!(
        flagged(&bytes, &found, "figure-caption-missing"),
        ["![Passengers on the open deck. [Orla Devane]](/uploads/2024/06/12/gannet-deck.jpg)"]
    );
    assert_eq!(
        flagged(&bytes, &found, "link-name-missing"),
        ["[](timetable.md)"]
    );
}
