//! What the page's JSON-LD says about its pictures: schema.org
//! `ImageObject`s, read once per document.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::figures::Provided;
use crate::html::Document;

/// What the schema.org ImageObjects in the page's JSON-LD (at any depth)
/// say, by the path of their `url` and `contentUrl`.
#[derive(Default)]
pub struct ImageObjects {
    by_path: HashMap<String, Provided>,
}

impl ImageObjects {
    pub fn read(doc: &Document) -> ImageObjects {
        let mut out = ImageObjects::default();
        for script in doc.elements_named("script") {
            let is_ld = script
                .value()
                .attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
            if !is_ld {
                continue;
            }
            let text: String = script.text().collect();
            // serde_json refuses nesting deeper than 128, which bounds the
            // recursion below.
            let Ok(value) = serde_json::from_str::<Value>(&text) else {
                continue;
            };
            let mut objects = Vec::new();
            collect_image_objects(&value, &mut objects);
            for object in objects {
                out.add(object);
            }
        }
        out
    }

    /// What the page's ImageObjects say about the image at `url`.
    pub fn about(&self, url: &str) -> Option<&Provided> {
        let path = url_path(url);
        self.by_path.get(&path).filter(|_| !path.is_empty())
    }

    fn add(&mut self, object: &Map<String, Value>) {
        let has = |keys: &[&str]| keys.iter().any(|k| object.get(*k).is_some_and(non_empty));
        let says = Provided {
            credit: has(&["creditText", "copyrightHolder", "creator", "author"]),
            date: has(&["dateCreated"]),
            place: has(&["contentLocation", "locationCreated"]),
            ..Provided::default()
        };
        for key in ["url", "contentUrl"] {
            if let Some(path) = object.get(key).and_then(Value::as_str).map(url_path)
                && !path.is_empty()
            {
                self.by_path.entry(path).or_default().add(&says);
            }
        }
    }
}

fn non_empty(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::String(s) => !s.trim().is_empty(),
        Value::Array(a) => a.iter().any(non_empty),
        Value::Object(o) => !o.is_empty(),
        _ => true,
    }
}

fn collect_image_objects<'v>(value: &'v Value, out: &mut Vec<&'v Map<String, Value>>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| collect_image_objects(v, out)),
        Value::Object(map) => {
            let is_image = match map.get("@type") {
                Some(Value::String(t)) => t == "ImageObject",
                Some(Value::Array(ts)) => ts.iter().any(|t| t == "ImageObject"),
                _ => false,
            };
            if is_image {
                out.push(map);
            }
            map.values().for_each(|v| collect_image_objects(v, out));
        }
        _ => {}
    }
}

/// An image address reduced for comparison: without query and fragment,
/// and without scheme and host when it has them, so that an ImageObject
/// describes the image at `src` when their `url` or `contentUrl` is the
/// same path.
fn url_path(u: &str) -> String {
    let u = u.split(['?', '#']).next().unwrap_or(u);
    let u = u
        .strip_prefix("https:")
        .or_else(|| u.strip_prefix("http:"))
        .unwrap_or(u);
    match u.strip_prefix("//") {
        Some(rest) => rest
            .find('/')
            .map_or(String::new(), |i| rest[i..].to_string()),
        None => u.to_string(),
    }
}
