//! Hugo `figure` shortcodes: `{{< figure src="…" alt="…" caption="…"
//! attr="…" >}}` (and the `{{% … %}}` form), the `image` and `img`
//! shortcodes of Hugo themes, and Jekyll's `{% include figure
//! image_path="…" alt="…" caption="…" %}`, with the span of each
//! parameter's value; and the paired tags that hold code rather than
//! content (`{{< highlight go >}}…{{< /highlight >}}`, Liquid's
//! `{% highlight %}…{% endhighlight %}`).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::Span;

/// One `figure` shortcode or include.
#[derive(Clone, Debug)]
pub struct Shortcode {
    pub span: Span,
    /// Jekyll's `{% include figure %}` rather than Hugo's shortcode: it
    /// takes no `width` or `height`.
    pub include: bool,
    /// A theme's `{{< image >}}` or `{{< img >}}` rather than `figure`:
    /// a figure only when it is given a caption or a credit.
    pub image: bool,
    /// Parameters: name, value, span of the value.
    pub params: Vec<(String, String, Span)>,
}

impl Shortcode {
    pub fn get(&self, name: &str) -> Option<(&str, Span)> {
        super::value_named(&self.params, name)
    }
}

/// Hugo's `{{< figure … >}}`; the `{{< image … >}}` of LoveIt, FixIt and
/// DoIt and the `{{< img … >}}` of other themes, which take the same `src`,
/// `alt`, `caption`, `width` and `height`; and the `{% include figure … %}` of Jekyll
/// themes: Minimal Mistakes and the themes that copied it, whose picture
/// is its `image_path`; al-folio's `{% include figure.liquid path=… %}`;
/// and the home-made `figure.html` includes that name it `image`.
static FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?s)\{\{[<%]\s*(?P<name>figure|image|img)(?:\s(?P<hugo>.*?))?\s*[>%]\}\}",
        r"|\{%-?\s*include\s+figure(?:\.html|\.liquid)?\s(?P<include>.*?)-?%\}",
    ))
    .expect("figure regex")
});
static PARAM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"([A-Za-z_]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))"#).expect("param regex")
});

/// The names a Jekyll figure include gives its picture (see [`FIGURE`]).
const INCLUDE_PICTURE: &[&str] = &["image_path", "path", "image"];

/// The figure shortcodes of the body (from `body`), outside code.
pub fn find(source: &str, body: usize, code: &[Range<usize>]) -> Vec<Shortcode> {
    // The code ranges in order, overlapping ones merged: the shortcodes
    // come in order too, so one pass over both tells which are in code.
    let mut code = code.to_vec();
    code.sort_unstable_by_key(|c| c.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(code.len());
    for c in code {
        match merged.last_mut() {
            Some(last) if c.start <= last.end => last.end = last.end.max(c.end),
            _ => merged.push(c),
        }
    }
    let mut next_code = 0;
    let mut out = Vec::new();
    for m in FIGURE.captures_iter(&source[body..]) {
        let whole = m.get(0).expect("match");
        let (start, end) = (body + whole.start(), body + whole.end());
        while merged.get(next_code).is_some_and(|c| c.end <= start) {
            next_code += 1;
        }
        if merged.get(next_code).is_some_and(|c| c.start < end) {
            continue;
        }
        let include = m.name("include").is_some();
        let mut params = Vec::new();
        if let Some(inner) = m.name("hugo").or(m.name("include")) {
            for p in PARAM.captures_iter(inner.as_str()) {
                let value = p.get(2).or(p.get(3)).or(p.get(4)).expect("value");
                let at = body + inner.start() + value.start();
                let name = p[1].to_ascii_lowercase();
                let picture = include && INCLUDE_PICTURE.contains(&name.as_str());
                params.push((
                    if picture { "src".to_string() } else { name },
                    if picture {
                        include_address(value.as_str(), p.get(4).is_some())
                    } else {
                        value.as_str().to_string()
                    },
                    Span::new(at, at + value.len()),
                ));
            }
        }
        out.push(Shortcode {
            span: Span::new(start, end),
            include,
            image: m.name("name").is_some_and(|n| n.as_str() != "figure"),
            params,
        });
    }
    out
}

/// The address a Jekyll figure include's picture parameter names. The
/// include passes it through `relative_url`, so a path is from the site's
/// root whether or not it starts with `/` (al-folio's
/// `path="assets/img/1.jpg"`); an unquoted value without a `/` is a
/// Liquid variable (`image_path=page.cover`), written as the template it
/// is.
fn include_address(value: &str, unquoted: bool) -> String {
    if unquoted && !value.contains('/') {
        format!("{{{{ {value} }}}}")
    } else if value.is_empty()
        || value.starts_with(['/', '{'])
        || value.contains("://")
        || value.starts_with("data:")
    {
        value.to_string()
    } else {
        format!("/{value}")
    }
}

/// Paired tags whose content is code, shown as written: Hugo's
/// `highlight` and the `code`, `code-toggle` and `output` shortcodes of
/// Hugo-built documentation; Jekyll's `highlight` and Hexo's and
/// Octopress's `codeblock` and `code`.
static CODE_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\{\{[<%]\s*(/?)(highlight|code|code-toggle|output)\b[^{}]*?[>%]\}\}",
        r"|\{%-?\s*(end)?(highlight|codeblock|code)\b[^{}]*?-?%\}",
    ))
    .expect("code tag regex")
});

/// The ranges (from `body`) between a code tag's start and its end, tags
/// included, in order; a start without its end holds nothing. Each name
/// has its own stack of starts, and a pair inside another is part of it:
/// every tag costs one step, however the tags nest or fail to close.
pub fn code_ranges(source: &str, body: usize) -> Vec<Range<usize>> {
    let mut open: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut out: Vec<Range<usize>> = Vec::new();
    for m in CODE_TAG.captures_iter(&source[body..]) {
        let whole = m.get(0).expect("match");
        let (closing, name) = match (m.get(2), m.get(4)) {
            (Some(name), _) => (!m[1].is_empty(), name.as_str()),
            (None, Some(name)) => (m.get(3).is_some(), name.as_str()),
            (None, None) => continue,
        };
        let starts = open.entry(name).or_default();
        if !closing {
            starts.push(body + whole.start());
        } else if let Some(start) = starts.pop() {
            // The ranges closed since this start lie inside this one.
            while out.last().is_some_and(|r| r.start >= start) {
                out.pop();
            }
            out.push(start..body + whole.end());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn code_tags_hold_code() {
        let src = "Intro.\n\n{{< code file=\"layouts/404.html\" >}}\n<h1>Go Home</h1>\n{{< /code >}}\n\n\
                   {% highlight html %}\n<img src=\"a.jpg\">\n{% endhighlight %}\n\n{{< highlight go >}}\nunclosed\n";
        let found = super::code_ranges(src, 0);
        let texts: Vec<&str> = found.iter().map(|r| &src[r.clone()]).collect();
        assert_eq!(
            texts,
            [
                "{{< code file=\"layouts/404.html\" >}}\n<h1>Go Home</h1>\n{{< /code >}}",
                "{% highlight html %}\n<img src=\"a.jpg\">\n{% endhighlight %}"
            ]
        );
    }

    #[test]
    fn finds_figures_and_their_parameters() {
        let src = "Text.\n\n{{< figure src=\"/a.jpg\" alt='Boats' caption=\"Boats in Hull. [AP]\" width=800 >}}\n\n`{{< figure src=\"/code.jpg\" >}}`\n";
        let code_start = src.find('`').unwrap();
        let found = super::find(src, 0, std::slice::from_ref(&(code_start..src.len())));
        assert_eq!(found.len(), 1);
        let (alt, span) = found[0].get("alt").unwrap();
        assert_eq!(alt, "Boats");
        assert_eq!(&src[span.start..span.end], "Boats");
        assert_eq!(found[0].get("width").unwrap().0, "800");
    }

    #[test]
    fn finds_jekyll_figure_includes() {
        let src = "Text.\n\n{% include figure image_path=\"/media/boats.jpg\" alt=\"Boats\" caption=\"Boats in Hull. [AP]\" %}\n\n{% include gallery caption=\"Not a figure\" %}\n";
        let found = super::find(src, 0, &[]);
        assert_eq!(found.len(), 1);
        let (path, span) = found[0].get("src").unwrap();
        assert_eq!(path, "/media/boats.jpg");
        assert_eq!(&src[span.start..span.end], "/media/boats.jpg");
        assert_eq!(found[0].get("caption").unwrap().0, "Boats in Hull. [AP]");
    }

    #[test]
    fn finds_al_folio_and_home_made_figure_includes() {
        let src = "{% include figure.liquid path=\"assets/img/dam.jpg\" class=\"img-fluid\" caption=\"The dam.\" %}\n\n{% include figure.html image=\"/img/bridge.jpg\" alt=\"A bridge\" %}\n\n{{< figure image=\"/not/hugo.jpg\" >}}\n";
        let found = super::find(src, 0, &[]);
        assert_eq!(found.len(), 3);
        // From the site's root, as the include's `relative_url` makes it.
        let (path, span) = found[0].get("src").unwrap();
        assert_eq!(path, "/assets/img/dam.jpg");
        assert_eq!(&src[span.start..span.end], "assets/img/dam.jpg");
        assert_eq!(found[1].get("src").unwrap().0, "/img/bridge.jpg");
        // Hugo's own figure names its picture `src` alone.
        assert!(found[2].get("src").is_none());
    }

    #[test]
    fn finds_theme_image_shortcodes() {
        let src = "{{< image src=\"roof.jpg\" caption=\"A roof.\" >}}\n{{< img src=\"tree.jpg\" alt=\"A tree\" >}}\n{{<img>}}\n{{< imgproc src=\"x.jpg\" >}}\n{{< figure-card src=\"y.jpg\" >}}\n{{< figure src=\"z.jpg\" >}}\n";
        let found = super::find(src, 0, &[]);
        let srcs: Vec<_> = found.iter().map(|f| f.get("src").map(|s| s.0)).collect();
        assert_eq!(
            srcs,
            [Some("roof.jpg"), Some("tree.jpg"), None, Some("z.jpg")]
        );
        assert_eq!(
            found.iter().map(|f| f.image).collect::<Vec<_>>(),
            [true, true, true, false]
        );
    }
}
