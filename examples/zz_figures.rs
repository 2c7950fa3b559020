use presslint::article::{Article, Options};
use presslint::html::Document;
fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap();
        let doc = Document::parse(text);
        let article = Article::build(&doc, &Options::default());
        for f in &article.figures {
            let c = f.caption.as_ref();
            println!(
                "{} kind={:?} photo={} imgs={} cap={:?} a={:?} prov={:?}\n    {:?}",
                f.tag.start,
                f.kind,
                f.photo,
                f.images.len(),
                c.map(|c| c.placement),
                c.map(|c| c.analysis()),
                f.provided,
                c.map(|c| c.text.chars().take(160).collect::<String>())
            );
        }
    }
}
