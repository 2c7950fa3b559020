//! XMP packets, parsed with quick-xml.

use quick_xml::XmlVersion;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

use super::{Fields, Metadata, push, set};

/// Which field an XMP property (namespace, local name) fills.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    Credit,
    Byline,
    Source,
    Copyright,
    Date,
    CreateDate,
    Caption,
    Headline,
    City,
    State,
    Country,
    Sublocation,
    AltText,
}

fn xmp_key(ns: &str, local: &str) -> Option<Key> {
    const DC: &str = "http://purl.org/dc/elements/1.1/";
    const PHOTOSHOP: &str = "http://ns.adobe.com/photoshop/1.0/";
    const XMP: &str = "http://ns.adobe.com/xap/1.0/";
    const EXIF: &str = "http://ns.adobe.com/exif/1.0/";
    const IPTC_CORE: &str = "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/";
    Some(match (ns, local) {
        (DC, "creator") => Key::Byline,
        (DC, "rights") => Key::Copyright,
        (DC, "description") => Key::Caption,
        (PHOTOSHOP, "Credit") => Key::Credit,
        (PHOTOSHOP, "Source") => Key::Source,
        (PHOTOSHOP, "DateCreated") => Key::Date,
        (PHOTOSHOP, "Headline") => Key::Headline,
        (PHOTOSHOP, "City") => Key::City,
        (PHOTOSHOP, "State") => Key::State,
        (PHOTOSHOP, "Country") => Key::Country,
        (IPTC_CORE, "Location") => Key::Sublocation,
        (IPTC_CORE, "AltTextAccessibility") => Key::AltText,
        (EXIF, "DateTimeOriginal") => Key::Date,
        (XMP, "CreateDate") => Key::CreateDate,
        _ => return None,
    })
}

fn store(fields: &mut Fields, key: Key, values: &[String], fallback_date: &mut Option<String>) {
    let first = values.first().map(String::as_str).unwrap_or_default();
    match key {
        Key::Byline => values.iter().for_each(|v| push(&mut fields.byline, v)),
        Key::Credit => set(&mut fields.credit, first),
        Key::Source => set(&mut fields.source, first),
        Key::Copyright => set(&mut fields.copyright, first),
        Key::Date => set(&mut fields.date, first),
        Key::CreateDate => set(fallback_date, first),
        Key::Caption => set(&mut fields.caption, first),
        Key::Headline => set(&mut fields.headline, first),
        Key::City => set(&mut fields.city, first),
        Key::State => set(&mut fields.state, first),
        Key::Country => set(&mut fields.country, first),
        Key::Sublocation => set(&mut fields.sublocation, first),
        Key::AltText => set(&mut fields.alt_text, first),
    }
}

/// The XMP property being read.
struct Property {
    key: Key,
    depth: usize,
    items: Vec<String>,
    text: String,
    in_item: bool,
    item_is_default: bool,
    default_item: Option<usize>,
}

/// An XMP packet. Values come from property elements (plain text, or the
/// `rdf:li` items of a Seq/Bag/Alt, `x-default` first for an Alt) and from
/// the attribute shorthand on `rdf:Description`.
pub fn read_xmp(packet: &[u8], meta: &mut Metadata) {
    const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    let packet = packet
        .iter()
        .rposition(|&b| b == b'>')
        .map_or(packet, |end| &packet[..=end]);
    meta.has_xmp = true;
    let mut reader = NsReader::from_reader(packet);
    let mut fields = Fields::default();
    let mut fallback_date = None;
    let mut depth = 0usize;
    let mut current: Option<Property> = None;
    while let Ok((ns, event)) = reader.read_resolved_event() {
        let ns = match &ns {
            ResolveResult::Bound(n) => n.as_ref().to_string(),
            _ => String::new(),
        };
        match &event {
            Event::Start(el) | Event::Empty(el) => {
                let local = el.local_name().as_ref().to_string();
                let empty = matches!(event, Event::Empty(_));
                if ns == RDF && local == "Description" {
                    for attr in el.attributes().flatten() {
                        let (ans, alocal) = reader.resolver().resolve_attribute(attr.key);
                        if let ResolveResult::Bound(ans) = ans
                            && let Some(key) = xmp_key(ans.as_ref(), alocal.as_ref())
                            && let Ok(value) = attr.normalized_value(XmlVersion::Implicit1_0)
                        {
                            store(&mut fields, key, &[value.into_owned()], &mut fallback_date);
                        }
                    }
                }
                match &mut current {
                    Some(p) if ns == RDF && local == "li" && !empty => {
                        p.in_item = true;
                        p.text.clear();
                        p.item_is_default = el.attributes().flatten().any(|a| {
                            a.key.as_ref() == "xml:lang"
                                && a.normalized_value(XmlVersion::Implicit1_0)
                                    .is_ok_and(|v| v == "x-default")
                        });
                    }
                    Some(_) => {}
                    None if !empty => {
                        if let Some(key) = xmp_key(&ns, &local) {
                            current = Some(Property {
                                key,
                                depth,
                                items: Vec::new(),
                                text: String::new(),
                                in_item: false,
                                item_is_default: false,
                                default_item: None,
                            });
                        }
                    }
                    None => {}
                }
                if !empty {
                    depth += 1;
                }
            }
            Event::Text(t) => {
                if let Some(p) = &mut current {
                    p.text.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) => {
                if let Some(p) = &mut current {
                    p.text.push_str(t);
                }
            }
            Event::GeneralRef(r) => {
                if let Some(p) = &mut current {
                    let name = r.xml10_content();
                    if let Some(c) = char_ref(&name) {
                        p.text.push(c);
                    } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(&name) {
                        p.text.push_str(s);
                    }
                }
            }
            Event::End(el) => {
                depth = depth.saturating_sub(1);
                let is_li = el.local_name().as_ref() == "li";
                if let Some(p) = &mut current {
                    if p.in_item && is_li {
                        p.in_item = false;
                        if p.item_is_default {
                            p.default_item = Some(p.items.len());
                        }
                        p.items.push(std::mem::take(&mut p.text));
                    } else if p.depth == depth {
                        let mut values = if p.items.is_empty() {
                            vec![std::mem::take(&mut p.text)]
                        } else {
                            std::mem::take(&mut p.items)
                        };
                        if let Some(i) = p.default_item {
                            let item = values.remove(i);
                            values.insert(0, item);
                        }
                        store(&mut fields, p.key, &values, &mut fallback_date);
                        current = None;
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if fields.date.is_none() {
        fields.date = fallback_date;
    }
    if meta.xmp.is_empty() {
        meta.xmp = fields;
    }
}

fn char_ref(name: &str) -> Option<char> {
    let num = name.strip_prefix('#')?;
    let code = match num.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => num.parse().ok()?,
    };
    char::from_u32(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xmp_elements_attributes_and_alternatives() {
        let packet = br#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"
  photoshop:Credit="Pool/AFP" photoshop:DateCreated="2023-09-13">
  <dc:creator><rdf:Seq><rdf:li>Vladimir Smirnov</rdf:li><rdf:li>Jane &amp; Doe</rdf:li></rdf:Seq></dc:creator>
  <dc:description><rdf:Alt><rdf:li xml:lang="fr">Poutine</rdf:li><rdf:li xml:lang="x-default">Putin and Kim</rdf:li></rdf:Alt></dc:description>
  <photoshop:City>Amur</photoshop:City>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>"#;
        let mut meta = Metadata::default();
        read_xmp(packet, &mut meta);
        assert_eq!(meta.xmp.credit.as_deref(), Some("Pool/AFP"));
        assert_eq!(meta.xmp.byline, vec!["Vladimir Smirnov", "Jane & Doe"]);
        assert_eq!(meta.xmp.caption.as_deref(), Some("Putin and Kim"));
        assert_eq!(meta.xmp.city.as_deref(), Some("Amur"));
        assert_eq!(
            meta.date().map(|d| d.1.to_string()),
            Some("2023-09-13".into())
        );
    }
}
