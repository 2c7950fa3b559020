//! What the page's JSON-LD says about its pictures: schema.org
//! `ImageObject`s, read once per document.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::figures::Provided;
use crate::html::{Attribute, Document};

/// What the schema.org ImageObjects in the page's JSON-LD (at any depth)
/// say, by the path of their `url` and `contentUrl`.
#[derive(Default)]
pub struct ImageObjects {
    by_path: HashMap<String, Provided>,
}

impl ImageObjects {
    /// The ImageObjects of the page's JSON-LD documents (see
    /// [`documents`]).
    pub fn read(documents: &[Value]) -> ImageObjects {
        let mut out = ImageObjects::default();
        for value in documents {
            let mut objects = Vec::new();
            collect_image_objects(value, &mut objects);
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

/// The page's JSON-LD documents, parsed once per page; one that does not
/// parse is left out.
pub fn documents(doc: &Document) -> Vec<Value> {
    doc.elements_named("script")
        .filter(|script| {
            script
                .value()
                .attribute("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
        })
        // serde_json refuses nesting deeper than 128, which bounds the
        // recursion that reads a document.
        .filter_map(|script| serde_json::from_str::<Value>(&script.text().collect::<String>()).ok())
        .collect()
}

/// The schema.org types the page declares for itself: those of its JSON-LD
/// documents' top-level objects and of the items of their `@graph`.
pub fn page_types(documents: &[Value]) -> Vec<String> {
    let mut out = Vec::new();
    let mut add = |object: &Map<String, Value>| match object.get("@type") {
        Some(Value::String(t)) => out.push(t.clone()),
        Some(Value::Array(ts)) => out.extend(ts.iter().filter_map(Value::as_str).map(String::from)),
        _ => {}
    };
    for value in documents {
        let tops: Vec<&Value> = match value {
            Value::Array(items) => items.iter().collect(),
            other => vec![other],
        };
        for top in tops.into_iter().filter_map(Value::as_object) {
            add(top);
            if let Some(Value::Array(graph)) = top.get("@graph") {
                graph.iter().filter_map(Value::as_object).for_each(&mut add);
            }
        }
    }
    out
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
