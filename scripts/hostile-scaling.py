#!/usr/bin/env python3
"""Time presslint on generated hostile articles at two sizes, n and 4n, and
print how the time grows: near 4x is linear, near 16x quadratic.

    scripts/hostile-scaling.py [--bin target/release/presslint] [--limit 60]
                               [--scale 1.0] [CLASS ...]

Every class is one input shape that once crashed or ran super-linearly;
`tests/hostile/html.rs` has a small instance of each as a regression test.
Each run lints the generated file next to a clean article, with all rules;
the `tree-` classes build a folder tree instead and lint all of it.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time

CLEAN = """<!DOCTYPE html>
<html lang="en">
<head><title>Harbour reopens</title></head>
<body>
<h1>Harbour reopens after storm</h1>
<p>PORTSMOUTH, England -- The harbour reopened on Tuesday.</p>
</body>
</html>
"""

HEAD = '<!DOCTYPE html>\n<html lang="en"><head><title>t</title></head><body>\n<h1>Story</h1>\n'

FIGURE = (
    '<figure><img src="/photos/{i}.jpg" alt="Boats in the harbour" width="800" height="600">'
    "<figcaption>Boats shelter in the harbour at Portsmouth on Tuesday, Nov. 26, 2024. "
    "(AP Photo/Jane Doe)</figcaption></figure>\n"
)

LD = (
    '<script type="application/ld+json">{{"@context":"https://schema.org",'
    '"@type":"NewsArticle","image":[{items}]}}</script>\n'
)


def caption(text):
    return HEAD + '<figure><img src="a.jpg" alt="x"><figcaption>' + text + "</figcaption></figure>"


def figures_with_ld(n):
    items = ",".join(
        '{"@type":"ImageObject","url":"https://example.com/photos/%d.jpg",'
        '"creditText":"AP","dateCreated":"2024-11-26"}' % i
        for i in range(0, n, 10)
    )
    body = "".join(FIGURE.format(i=i) for i in range(n))
    # One JSON-LD block per 100 figures, as pages with galleries have.
    scripts = "".join(LD.format(items=items) for _ in range(max(1, n // 100)))
    return HEAD + scripts + body + "</body></html>\n"


def classes_rules(n):
    """n style rules of 36 class tests, each keyed by a class that n
    elements of 256 classes have, none matching."""
    classes = " ".join("c%d" % i for i in range(256))
    tests = "".join(".c%d" % i for i in range(255, 220, -1))
    css = "".join("%s.z%d{display:none}" % (tests, i) for i in range(n))
    return (
        HEAD.replace("</head>", "<style>" + css + "</style></head>")
        + ('<p class="%s">t</p>\n' % classes) * n
        + "</body></html>\n"
    )


def figures_credited_unspaced(n):
    """n figures beside a long story, each credited to another name in a
    script written without spaces, which the story never uses."""

    def name(i):
        return "社" + "".join(chr(0x4E00 + (i >> (4 * k)) % 16) for k in range(4))

    fill = " and the crew worked through the night while traffic waited" * 5
    story = ("<p>The team said it would help repair the bridge%s.</p>\n" % fill) * n
    figures = "".join(
        '<figure><img src="https://e.com/p%d.jpg" alt="Workers on a bridge"><figcaption>'
        "Workers repair the bridge in Springfield on Monday, May 5, 2024.</figcaption>"
        '<div class="credit">%s</div></figure>\n' % (i, name(i))
        for i in range(n)
    )
    return HEAD + story + figures + "</body></html>\n"


CLASSES = {
    # name: (generator of size n, n)
    "labelledby-self": (lambda n: '<h1 id=t><b aria-labelledby=t></b></h1>\n' * n, 2_000),
    "labelledby-chain": (
        lambda n: "".join(f'<span id=l{i} aria-labelledby=l{i + 1}>x</span>' for i in range(n))
        + '<h2 aria-labelledby=l0></h2>',
        5_000,
    ),
    "nested-b-in-h2": (lambda n: "<h2>" + "<b>" * n, 10_000),
    "nested-span-in-link": (lambda n: '<a href="/x">' + "<span>" * n, 10_000),
    "nested-div": (lambda n: HEAD + "<div>" * n, 20_000),
    "nested-div-closed": (lambda n: HEAD + "<div>" * n + "</div>" * n, 20_000),
    # Just under the depth limit, then ordinary content: each token costs
    # the tree builder and the ancestor walks up to the limit.
    "deep-then-wide": (
        lambda n: HEAD + "<div>" * 500 + '<p><a href="/x">Boats</a> <img src="a.jpg" alt="Boats"></p>\n' * n,
        10_000,
    ),
    "nested-figure": (
        lambda n: HEAD + '<figure><img src="a.jpg" alt="x"><figcaption>' * n,
        4_000,
    ),
    "figures-json-ld": (figures_with_ld, 1_500),
    "disable-next-line": (
        lambda n: HEAD + "<!-- presslint-disable-next-line img-alt-missing -->\n<img src=a.jpg>\n" * n,
        20_000,
    ),
    "disable-next-line-one-line": (
        lambda n: HEAD + "<!-- presslint-disable-next-line img-alt-missing -->" * n + "\n<img src=a.jpg>",
        20_000,
    ),
    "disable-enable": (
        lambda n: HEAD
        + "<!-- presslint-disable heading-order -->\n<img src=a.jpg>\n" * n
        + "<!-- presslint-enable img-alt-missing -->\n" * n,
        10_000,
    ),
    "ignore-attribute-nested": (
        lambda n: HEAD + '<div data-presslint-ignore="img-alt-missing">' * n + "<img src=a.jpg>" * 100,
        5_000,
    ),
    "many-attributes": (
        lambda n: HEAD + "<img src=a.jpg " + " ".join(f"a{i}=x" for i in range(n)) + ">",
        200_000,
    ),
    "duplicate-attributes": (lambda n: HEAD + "<img " + "alt=x " * n + ">", 200_000),
    "nested-b-in-figcaption": (
        lambda n: HEAD + '<figure><img src="a.jpg" alt="x"><figcaption>' + "<b>" * n,
        10_000,
    ),
    "nested-g-in-svg": (lambda n: HEAD + '<svg role="img">' + "<g>" * n, 20_000),
    "nested-role-heading": (lambda n: HEAD + '<div role="heading">' * n, 5_000),
    "nested-role-link": (lambda n: HEAD + '<span role="link">' * n, 5_000),
    "nested-caption-class": (
        lambda n: HEAD + '<figure><img src="a.jpg" alt="x">' + '<div class="caption credit">' * n,
        5_000,
    ),
    "nested-hidden-in-caption": (
        lambda n: HEAD + '<figure><img src="a.jpg" alt="x"><figcaption>' + "<a href=/x><span>t</span></a><i>" * n,
        5_000,
    ),
    "long-caption": (
        lambda n: HEAD
        + '<figure><img src="a.jpg" alt="Boats"><figcaption>'
        + "Boats in Portsmouth harbour on Tuesday, Nov. 26, 2024, photo by Jane Doe for Reuters. " * n
        + "</figcaption></figure>",
        2_000,
    ),
    "alt-equals-caption": (
        lambda n: HEAD
        + '<figure><img src="a.jpg" alt="'
        + "Boats in the harbour at dawn " * n
        + '"><figcaption>'
        + "Boats in the harbour at dusk " * n
        + "</figcaption></figure>",
        1_000,
    ),
    "table-nesting": (lambda n: HEAD + "<table><tr><td>" * n, 5_000),
    "text-runs": (lambda n: HEAD + "<p>" + "x<!---->" * n, 100_000),
    "title-separators": (
        lambda n: '<!DOCTYPE html>\n<html lang="en"><head><title>'
        + " - ".join("part" for _ in range(n))
        + "</title></head><body>\n<h1>Story</h1>\n",
        2_000,
    ),
    "picture-sources": (
        lambda n: HEAD
        + "<picture>"
        + "".join(f'<source srcset="/img/p{i}.webp" media="(min-width: {i}px)">' for i in range(n))
        + '<img src="/img/p.jpg" alt="Boats"></picture>',
        5_000,
    ),
    "picture-pairs": (
        lambda n: HEAD
        + "<picture>"
        + "".join(f'<source srcset="/img/s{i}.webp"><img src="/img/i{i}.jpg" alt="Boats {i}">' for i in range(n))
        + "</picture>",
        5_000,
    ),
    "long-class-over-many": (
        lambda n: HEAD
        + '<div class="'
        + " ".join(f"c{i}" for i in range(n))
        + '">'
        + "<div><p>x</p></div>" * n
        + "</div>",
        2_500,
    ),
    "long-style-over-many": (
        lambda n: HEAD + '<div style="' + "color: red; " * n + '">' + '<img src="p.jpg" alt="x">' * n + "</div>",
        2_500,
    ),
    "figure-many-pictures": (
        lambda n: HEAD
        + "<figure>"
        + "".join(f'<img src="p{i}.jpg" alt="Boats in harbour {i}">' for i in range(n))
        + "<figcaption>"
        + "Boats in harbour on Tuesday. " * n
        + "</figcaption></figure>",
        2_500,
    ),
    "one-label-many-links": (
        lambda n: HEAD + "<span id=d>" + "word " * n + "</span>" + "<a href=/x aria-labelledby=d></a>" * n,
        2_500,
    ),
    "caption-capitalised-words": (lambda n: caption("London Paris Berlin " * n), 5_000),
    "caption-dashed-places": (lambda n: caption("Boats" + " - London" * n), 5_000),
    "caption-em-dashed-places": (lambda n: caption("London — " * n), 8_000),
    "caption-numbers": (lambda n: caption(" ".join(str(i % 31 + 1) for i in range(n))), 20_000),
    "caption-agency-list": (lambda n: caption("Boats in the harbour " + " - ".join(["AFP"] * n)), 2_000),
    "caption-run-on-credits": (lambda n: caption("Boats in the harbour. " + " ".join(["© Jane Doe"] * n)), 20_000),
    "h1s-under-long-title": (
        lambda n: '<!DOCTYPE html>\n<html lang="en"><head><title>'
        + " ".join(f"w{i}" for i in range(n))
        + "</title></head><body>\n"
        + "<h1>Harbour</h1>" * n,
        5_000,
    ),
    "pictures-after-breaks": (
        lambda n: HEAD + "<div>" + "<br>" * n + '<img src="a.jpg" alt="Boats">' * n + "</div>",
        10_000,
    ),
    "pictures-after-comments": (
        lambda n: HEAD + "<div>" + "<!-- ad -->" * n + '<img src="a.jpg" alt="Boats">' * n + "</div>",
        10_000,
    ),
    "pictures-one-alt-no-src": (lambda n: HEAD + "<div>" + '<img alt="Boats">' * n + "</div>", 5_000),
    "empty-headings-in-block": (lambda n: HEAD + "<div>" + "<h4></h4><i><b></b></i>" * n + "</div>", 5_000),
    "tiles-of-one-post": (
        lambda n: HEAD + "<div>" + '<a href="https://instagram.com/p/X/"><img src="a.jpg"></a>' * n + "</div>",
        3_000,
    ),
    "blank-label-many-links": (
        lambda n: HEAD + "<span id=l>" + "<b> </b>" * n + "</span>" + '<a href="/x" aria-labelledby=l>t</a>' * n,
        3_000,
    ),
    "classed-captions-five-pictures": (
        lambda n: HEAD + "<div>" + "<p class=caption>Boats</p>" * n + '<img src="a.jpg" alt="x">' * 5 + "</div>",
        3_000,
    ),
    "rules-through-deep-ancestors": (
        lambda n: HEAD
        + "<style>"
        + "".join(f"[data-k{i}] div p {{display:none}}" for i in range(n))
        + "</style><div data-k1>"
        + "<div>" * 470
        + "<p>t</p>" * n
        + "</div>" * 471,
        500,
    ),
    "suppression-many-rules": (
        lambda n: HEAD
        + "<!-- presslint-disable-next-line "
        + " ".join(f"r{i}" for i in range(n))
        + ' -->\n<img src="a.jpg">',
        20_000,
    ),
    "credit-story-words": (
        lambda n: HEAD
        + "<p>Tyvak builds labs and more labs for Tyvak in the desert near town.</p>" * n
        + "".join(
            f'<figure><img src="/p/{i}.jpg" alt="Satellite {i}"><figcaption>A satellite in orbit. '
            "Credit: Tyvak Labs</figcaption></figure>"
            for i in range(n)
        ),
        2_000,
    ),
    "empty-headings-then-comments": (
        lambda n: HEAD + "<div>" + "<h4></h4>" * n + "</div>" + "<!-- c -->" * n + "<p>x</p>",
        5_000,
    ),
    "links-holding-blank-labelled": (
        lambda n: HEAD
        + "<span id=l>"
        + "<b> </b>" * n
        + "</span>"
        + '<a href="/x"><span aria-labelledby=l></span></a>' * n,
        3_000,
    ),
    "caption-agencies-run-together": (lambda n: caption("AP/" * n), 10_000),
    "caption-agencies-then-brackets": (lambda n: caption("Reuters " * n + ")" * (3 * n)), 10_000),
    "marked-captions-beside-a-captioned-figure": (
        lambda n: HEAD
        + "<div>"
        + '<p class="caption">A caption</p>\n' * n
        + '<figure><img src="a.jpg" alt="x"><figcaption>Cap</figcaption></figure></div>',
        5_000,
    ),
    "class-rules-over-many-classed-elements": (classes_rules, 300),
    "title-pieces-and-site-names": (
        lambda n: "<!DOCTYPE html>\n<html lang=\"en\"><head><title>"
        + " | ".join(["Abcdefgh"] * n)
        + "</title>"
        + '<meta property="og:site_name" content="Abcdefgx">' * n
        + "</head><body><h1>Story</h1></body></html>",
        10_000,
    ),
    "figures-credited-to-unspaced-names": (figures_credited_unspaced, 8_000),
    "suppression-unknown-rules-sarif": (
        lambda n: HEAD
        + "<!-- presslint-disable-next-line "
        + " ".join(f"r{i}" for i in range(n))
        + ' -->\n<img src="a.jpg">',
        10_000,
        "html",
        "sarif",
    ),
    # A Markdown article (the third field is the file's extension; a
    # fourth, the report format, when it is not JSON).
    "markdown-paragraphs-then-links": (
        lambda n: "# T\n\n" + "Para text here.\n\n" * n + "[a](/x) " * n + "\n",
        10_000,
        "md",
    ),
    "markdown-code-then-shortcodes": (
        lambda n: "# T\n\n" + "`c` " * n + "\n\n" + '{{< figure src="a.jpg" alt="x" >}}\n\n' * n,
        10_000,
        "md",
        "summary",
    ),
    "front-matter-keys": (
        lambda n: "---\n" + "".join(f"k{i}: 1\n" for i in range(n)) + "title: Storm\n---\n# Storm again\n",
        5_000,
        "md",
    ),
    "markdown-shortcodes": (
        lambda n: "# T\n\n" + '{{< figure src="a.jpg" alt="x" >}}\n\nA paragraph of text.\n\n' * n,
        20_000,
        "md",
    ),
    "markdown-nested-pictures": (lambda n: "# T\n\n" + "![a " * n + "b" + "](x.jpg)" * n + "\n", 8_000, "md"),
    "html-report-figures": (
        lambda n: HEAD + "".join(f'<figure><img src="/p/{i}.jpg" alt="B{i}"></figure>' for i in range(n)),
        10_000,
        "html",
        "html",
    ),
    "html-report-markdown-headings": (
        lambda n: "# T\n\n" + "".join(f"## H{i}\n\nText {i}.\n\n" for i in range(n)),
        10_000,
        "md",
        "html",
    ),
}


def deep_dirs(root, n):
    """n nested folders under root; the deepest."""
    path = root
    os.mkdir(path)
    for i in range(n):
        path = os.path.join(path, "d%d" % (i % 10))
        os.mkdir(path)
    return path


def article_per_level(root, n):
    """A folder tree n levels deep with an article at every level."""
    deepest = deep_dirs(root, n)
    path = deepest
    while True:
        with open(os.path.join(path, "story.html"), "w") as f:
            f.write(CLEAN)
        if path == root:
            break
        path = os.path.dirname(path)


def images_deep(root, n):
    """An article n levels deep whose 2,000 pictures are files beside it."""
    path = deep_dirs(root, n)
    os.makedirs(os.path.join(path, "img"))
    pictures = 2_000
    for i in range(pictures):
        open(os.path.join(path, "img", "%d.png" % i), "wb").close()
    body = "".join(
        f'<figure><img src="img/{i}.png" alt="Boats {i}" width="8" height="6">'
        f'<figcaption>Boats off Portsmouth on Tuesday. (AP Photo/Jane Doe)</figcaption></figure>\n'
        for i in range(pictures)
    )
    with open(os.path.join(path, "story.html"), "w") as f:
        f.write(HEAD + body + "</body></html>\n")


# Folder trees: (builder of the tree at size n under a folder, n). Each run
# lints the whole tree.
TREES = {
    "tree-article-per-level": (article_per_level, 150),
    "tree-images-deep": (images_deep, 100),
}


def timed(binary, args, cwd, limit):
    """Run presslint with `args` in `cwd`: (seconds, exit code or "timeout")."""
    started = time.monotonic()
    try:
        proc = subprocess.run(
            [binary, "check", *args],
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            timeout=limit,
        )
        code = proc.returncode
    except subprocess.TimeoutExpired:
        code = "timeout"
    return time.monotonic() - started, code


def run_tree(binary, build, n, limit):
    # Python's own tree removal recurses once per level: `rm -rf` does not.
    dirname = tempfile.mkdtemp()
    try:
        build(os.path.join(dirname, "site"), n)
        return timed(binary, ["--format", "json", "site"], dirname, limit)
    finally:
        subprocess.run(["rm", "-rf", dirname], check=True)


def run(binary, dirname, name, text, limit, fmt="json"):
    path = os.path.join(dirname, name)
    with open(path, "w") as f:
        f.write(text)
    took, code = timed(binary, ["--format", fmt, name, "clean.html"], dirname, limit)
    os.remove(path)
    return took, code, len(text.encode())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default="target/release/presslint")
    parser.add_argument("--limit", type=float, default=60)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("classes", nargs="*")
    args = parser.parse_args()
    binary = os.path.abspath(args.bin)
    names = args.classes or list(CLASSES) + list(TREES)
    print(f"{'class':28} {'n':>8} {'bytes':>10} {'time':>8} {'4n time':>8} {'ratio':>6}  exit")
    with tempfile.TemporaryDirectory() as dirname:
        with open(os.path.join(dirname, "clean.html"), "w") as f:
            f.write(CLEAN)
        for name in names:
            if name in TREES:
                build, n = TREES[name]
                n = max(1, int(n * args.scale))
                t1, c1 = run_tree(binary, build, n, args.limit)
                t4, c4 = run_tree(binary, build, 4 * n, args.limit)
                ratio = t4 / t1 if t1 > 0 else float("nan")
                print(
                    f"{name:28} {n:>8} {'(levels)':>10} {t1:>7.2f}s {t4:>7.2f}s {ratio:>6.1f}  {c1}/{c4}",
                    flush=True,
                )
                continue
            generate, n, *rest = CLASSES[name]
            n = max(1, int(n * args.scale))
            file = "hostile." + (rest[0] if rest else "html")
            fmt = rest[1] if len(rest) > 1 else "json"
            t1, c1, b1 = run(binary, dirname, file, generate(n), args.limit, fmt)
            t4, c4, b4 = run(binary, dirname, file, generate(4 * n), args.limit, fmt)
            ratio = t4 / t1 if t1 > 0 else float("nan")
            print(
                f"{name:28} {n:>8} {b1:>10} {t1:>7.2f}s {t4:>7.2f}s {ratio:>6.1f}  {c1}/{c4}",
                flush=True,
            )


if __name__ == "__main__":
    sys.exit(main())
