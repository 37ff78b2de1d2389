//! Generates a value that validates against a JSON Schema, the local agent's structured
//! answer. The rules are part of the README's agent contract.

use serde_json::{Map, Value};

/// A value for `schema`; strings are built from `content`.
pub fn generate(schema: &Value, content: &str) -> Value {
    let prefix: String = content.chars().take(20).collect();
    let generator = Generator {
        root: schema,
        prefix: &prefix,
    };
    generator.value_for(schema, "value", 0)
}

/// Deep enough for any real schema, shallow enough that a self-referencing one still ends.
const MAX_DEPTH: usize = 32;

struct Generator<'a> {
    /// What local references (`#/$defs/Name`, as pydantic writes nested models) point into.
    root: &'a Value,
    prefix: &'a str,
}

impl Generator<'_> {
    fn value_for(&self, schema: &Value, name: &str, depth: usize) -> Value {
        let Some(schema) = schema.as_object() else {
            return Value::Null;
        };
        if depth > MAX_DEPTH {
            return Value::Null;
        }
        if let Some(target) = schema.get("$ref").and_then(Value::as_str) {
            return match self.resolve(target) {
                Some(target) => self.value_for(target, name, depth + 1),
                None => Value::Null,
            };
        }
        if let Some(constant) = schema.get("const") {
            return constant.clone();
        }
        if let Some(first) = schema
            .get("enum")
            .and_then(Value::as_array)
            .and_then(|e| e.first())
        {
            return first.clone();
        }
        for branches in ["anyOf", "oneOf", "allOf"] {
            if let Some(branches) = schema.get(branches).and_then(Value::as_array) {
                // `Optional[X]` is `anyOf: [X, {"type": "null"}]`: a value, not the null.
                let chosen = branches
                    .iter()
                    .find(|b| b.get("type") != Some(&Value::from("null")))
                    .or(branches.first());
                if let Some(branch) = chosen {
                    return self.value_for(branch, name, depth + 1);
                }
            }
        }
        match type_of(schema).as_deref() {
            Some("object") => {
                let mut object = Map::new();
                if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
                    for (key, property) in properties {
                        object.insert(key.clone(), self.value_for(property, key, depth + 1));
                    }
                }
                Value::Object(object)
            }
            Some("array") => self.array(schema, name, depth),
            Some("string") => self.string(schema, name),
            Some("integer") => integer(schema),
            Some("number") => number(schema),
            Some("boolean") => Value::Bool(true),
            _ => Value::Null,
        }
    }

    /// A local JSON pointer (`#`, `#/$defs/Name`, `#/definitions/Name`); others are unknown.
    fn resolve(&self, target: &str) -> Option<&Value> {
        let pointer = target.strip_prefix('#')?;
        self.root.pointer(pointer)
    }

    fn array(&self, schema: &Map<String, Value>, name: &str, depth: usize) -> Value {
        let bound = |key: &str| schema.get(key).and_then(Value::as_u64);
        let max = bound("maxItems").unwrap_or(u64::MAX);
        let count = bound("minItems").unwrap_or(1).max(1).min(max);
        let tuple = schema.get("prefixItems").and_then(Value::as_array);
        let items = schema.get("items").cloned().unwrap_or(Value::Null);
        let count = usize::try_from(count)
            .unwrap_or(0)
            .max(tuple.map_or(0, Vec::len));
        let values = (0..count).map(|i| {
            let item = tuple.and_then(|t| t.get(i)).unwrap_or(&items);
            self.value_for(item, name, depth + 1)
        });
        Value::Array(values.collect())
    }

    fn string(&self, schema: &Map<String, Value>, name: &str) -> Value {
        let format = schema.get("format").and_then(Value::as_str);
        let text = match format {
            Some("date-time") => "2026-01-01T00:00:00Z".to_owned(),
            Some("date") => "2026-01-01".to_owned(),
            Some("time") => "00:00:00Z".to_owned(),
            Some("duration") => "PT1S".to_owned(),
            Some("uuid") => "00000000-0000-4000-8000-000000000000".to_owned(),
            Some("email") => format!("{}@example.com", slug(name)),
            Some("uri" | "url" | "iri") => format!("https://example.com/{}", slug(name)),
            Some("hostname") => "example.com".to_owned(),
            Some("ipv4") => "127.0.0.1".to_owned(),
            Some("ipv6") => "::1".to_owned(),
            _ => format!("{name}:{}", self.prefix),
        };
        let bound = |key: &str| {
            schema
                .get(key)
                .and_then(Value::as_u64)
                .and_then(|n| usize::try_from(n).ok())
        };
        let mut chars: Vec<char> = text.chars().collect();
        if let Some(min) = bound("minLength") {
            chars.resize(chars.len().max(min), 'x');
        }
        if let Some(max) = bound("maxLength") {
            chars.truncate(max);
        }
        Value::from(chars.into_iter().collect::<String>())
    }
}

/// `minimum` (rounded up, one past an exclusive one) when given, else 1, kept within the
/// maximum.
fn integer(schema: &Map<String, Value>) -> Value {
    let get = |key: &str| schema.get(key).and_then(Value::as_f64);
    let low = match (get("minimum"), get("exclusiveMinimum")) {
        (_, Some(above)) => above.floor() as i64 + 1,
        (Some(min), None) => min.ceil() as i64,
        (None, None) => 1,
    };
    let high = match (get("maximum"), get("exclusiveMaximum")) {
        (_, Some(below)) => Some(below.ceil() as i64 - 1),
        (Some(max), None) => Some(max.floor() as i64),
        (None, None) => None,
    };
    Value::from(high.map_or(low, |high| low.min(high)))
}

/// As `integer`, in whole numbers where the bounds allow, else halfway between them.
fn number(schema: &Map<String, Value>) -> Value {
    let get = |key: &str| schema.get(key).and_then(Value::as_f64);
    let (min, above) = (get("minimum"), get("exclusiveMinimum"));
    let (max, below) = (get("maximum"), get("exclusiveMaximum"));
    if min.is_none() && above.is_none() && max.is_none() && below.is_none() {
        return Value::from(1);
    }
    let low = above.map(|a| a + 1.0).or(min).unwrap_or(1.0);
    let fits = |v: f64| max.is_none_or(|m| v <= m) && below.is_none_or(|b| v < b);
    if fits(low) {
        return whole_if_can(low);
    }
    // The upper bound is under the first choice: the maximum itself, one under an exclusive
    // one, or halfway to it from a lower bound.
    let value = match (above.or(min), max, below) {
        (None, Some(max), _) => max,
        (None, None, Some(below)) => below - 1.0,
        (Some(floor), max, below) => (floor + below.or(max).unwrap_or(floor)) / 2.0,
        (None, None, None) => 1.0,
    };
    whole_if_can(value)
}

fn whole_if_can(value: f64) -> Value {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        Value::from(value as i64)
    } else {
        Value::from(value)
    }
}

/// A name fit for an address: its letters and digits, lower-cased.
fn slug(name: &str) -> String {
    let slug: String = name
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if slug.is_empty() {
        "value".to_owned()
    } else {
        slug
    }
}

/// The schema's type: the first non-null of a type list, `object` when only `properties`
/// are given.
fn type_of(schema: &Map<String, Value>) -> Option<String> {
    match schema.get("type") {
        Some(Value::String(t)) => Some(t.clone()),
        Some(Value::Array(types)) => types
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null")
            .or(Some("null"))
            .map(str::to_owned),
        _ if schema.contains_key("properties") => Some("object".to_owned()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_pydantic_schema_with_nested_models_formats_and_bounds() {
        // As pydantic v2's `model_json_schema()` writes a model with a nested one.
        let schema = json!({
            "$defs": {
                "Address": {
                    "type": "object",
                    "properties": {"city": {"type": "string", "minLength": 30}},
                    "required": ["city"],
                    "title": "Address"
                }
            },
            "type": "object",
            "title": "Person",
            "properties": {
                "name": {"type": "string", "maxLength": 4},
                "addr": {"$ref": "#/$defs/Address"},
                "previous": {"anyOf": [{"$ref": "#/$defs/Address"}, {"type": "null"}]},
                "born": {"type": "string", "format": "date"},
                "seen": {"type": "string", "format": "date-time"},
                "id": {"type": "string", "format": "uuid"},
                "email": {"type": "string", "format": "email"},
                "age": {"type": "integer", "maximum": 0},
                "rank": {"type": "integer", "exclusiveMinimum": 5, "maximum": 9},
                "share": {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1},
                "pair": {"type": "array", "items": {"type": "boolean"}, "minItems": 2},
                "missing": {"$ref": "#/$defs/Nowhere"}
            }
        });
        let value = generate(&schema, "who");
        let city = value["addr"]["city"].as_str().unwrap();
        assert!(
            city.starts_with("city:who") && city.chars().count() == 30,
            "{city}"
        );
        assert_eq!(value["previous"]["city"], value["addr"]["city"]);
        assert_eq!(value["name"], "name");
        assert_eq!(value["born"], "2026-01-01");
        assert_eq!(value["seen"], "2026-01-01T00:00:00Z");
        assert_eq!(value["id"], "00000000-0000-4000-8000-000000000000");
        assert_eq!(value["email"], "email@example.com");
        assert_eq!(value["age"], 0);
        assert_eq!(value["rank"], 6);
        assert_eq!(value["share"], 0.5);
        assert_eq!(value["pair"], json!([true, true]));
        assert_eq!(value["missing"], Value::Null);
    }

    #[test]
    fn a_self_referencing_schema_ends() {
        let schema = json!({
            "type": "object",
            "properties": {"child": {"$ref": "#"}, "label": {"type": "string"}}
        });
        let value = generate(&schema, "tree");
        assert_eq!(value["label"], "label:tree");
        assert!(value["child"]["child"].is_object());
    }
}
