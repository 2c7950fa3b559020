//! Print what the caption analysis finds in each argument (or each line
//! of standard input): `cargo run --example caption_analyze -- "text"`.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lines: Vec<String> = if args.is_empty() {
        std::io::stdin().lines().map_while(Result::ok).collect()
    } else {
        args
    };
    for text in lines {
        let a = presslint::text::analyze(&text, &[]);
        let show = |f: Option<presslint::text::Found>| {
            f.map(|f| format!("{} {:?}", f.kind, text.get(f.start..f.end).unwrap_or("")))
                .unwrap_or_else(|| "-".into())
        };
        println!(
            "{text}\n  credit: {}\n  date:   {}\n  place:  {}",
            show(a.credit),
            show(a.date),
            show(a.place)
        );
    }
}
