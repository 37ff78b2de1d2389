//! Generates a value that validates against a JSON Schema, the local agent's structured
//! answer. The rules are part of the README's agent contract.

use serde_json::{Map, Value};

/// A value for `schema`; strings are built from `content`.
pub fn generate(schema: &Value, content: &str) -> Value {
    let prefix: String = content.chars().take(20).collect();
    value_for(schema, "value", &prefix, 0)
}

/// Deep enough for any real schema, shallow enough that a self-referencing one still ends.
const MAX_DEPTH: usize = 32;

fn value_for(schema: &Value, name: &str, prefix: &str, depth: usize) -> Value {
    let Some(schema) = schema.as_object() else {
        return Value::Null;
    };
    if depth > MAX_DEPTH {
        return Value::Null;
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
        if let Some(first) = schema
            .get(branches)
            .and_then(Value::as_array)
            .and_then(|b| b.first())
        {
            return value_for(first, name, prefix, depth + 1);
        }
    }
    match type_of(schema).as_deref() {
        Some("object") => {
            let mut object = Map::new();
            if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
                for (key, property) in properties {
                    object.insert(key.clone(), value_for(property, key, prefix, depth + 1));
                }
            }
            Value::Object(object)
        }
        Some("array") => {
            let items = schema.get("items").cloned().unwrap_or(Value::Null);
            let max = schema.get("maxItems").and_then(Value::as_u64);
            if max == Some(0) {
                return Value::Array(Vec::new());
            }
            Value::Array(vec![value_for(&items, name, prefix, depth + 1)])
        }
        Some("string") => {
            let text = format!("{name}:{prefix}");
            match schema.get("maxLength").and_then(Value::as_u64) {
                Some(max) => Value::from(text.chars().take(max as usize).collect::<String>()),
                None => Value::from(text),
            }
        }
        Some("integer") => schema
            .get("minimum")
            .and_then(Value::as_f64)
            .map_or(Value::from(1), |min| Value::from(min.ceil() as i64)),
        Some("number") => schema.get("minimum").cloned().unwrap_or(Value::from(1)),
        Some("boolean") => Value::Bool(true),
        _ => Value::Null,
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
