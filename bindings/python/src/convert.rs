//! JSON values to Python objects and back, by hand: the wire dicts the Python layer builds its
//! models from, and the keyword arguments it passes down.

use crate::errors::type_error;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};

/// Builds the Python object of a JSON value: dicts, lists, str, int, float, bool and None.
pub fn to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    build(py, value, &mut Vec::new())
}

/// The keys met so far in one answer: a page of 100 users repeats ten keys a hundred times.
/// Each is made (interned) once, and a dict hashes a reused key for free.
type Keys<'v, 'py> = Vec<(&'v str, Bound<'py, PyString>)>;

/// Past this many distinct keys, the free-form dicts of an answer are not worth remembering.
const MAX_KEYS: usize = 64;

fn key<'v, 'py>(py: Python<'py>, name: &'v str, keys: &mut Keys<'v, 'py>) -> Bound<'py, PyString> {
    if let Some((_, known)) = keys.iter().find(|(known, _)| *known == name) {
        return known.clone();
    }
    let made = PyString::intern(py, name);
    if keys.len() < MAX_KEYS {
        keys.push((name, made.clone()));
    }
    made
}

fn build<'v, 'py>(
    py: Python<'py>,
    value: &'v Value,
    keys: &mut Keys<'v, 'py>,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => number_to_py(py, n)?,
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(build(py, item, keys)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (name, item) in map {
                dict.set_item(key(py, name, keys), build(py, item, keys)?)?;
            }
            dict.into_any()
        }
    })
}

fn number_to_py<'py>(py: Python<'py>, n: &Number) -> PyResult<Bound<'py, PyAny>> {
    if let Some(i) = n.as_i64() {
        Ok(i.into_pyobject(py)?.into_any())
    } else if let Some(u) = n.as_u64() {
        Ok(u.into_pyobject(py)?.into_any())
    } else {
        Ok(PyFloat::new(py, n.as_f64().unwrap_or(f64::NAN)).into_any())
    }
}

/// Reads a Python object as JSON: dicts with str keys, lists and tuples, scalars and None.
/// Anything else is an `ArgumentTypeError` (a `TypeError`) naming its type, raised before any
/// request.
pub fn from_py(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    // bool before int: a Python bool is an int.
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::from(i));
        }
        return Ok(Value::from(obj.extract::<u64>()?));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        let value = f.value();
        return Number::from_f64(value)
            .map(Value::Number)
            .ok_or_else(|| type_error(obj.py(), format!("{value} is not a JSON number")));
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        let mut map = Map::with_capacity(dict.len());
        for (key, item) in dict.iter() {
            let key = key
                .cast::<PyString>()
                .map_err(|_| type_error(obj.py(), "JSON object keys must be str".to_owned()))?;
            map.insert(key.to_cow()?.into_owned(), from_py(&item)?);
        }
        return Ok(Value::Object(map));
    }
    if let Ok(list) = obj.cast::<PyList>() {
        return list.iter().map(|item| from_py(&item)).collect();
    }
    if let Ok(tuple) = obj.cast::<PyTuple>() {
        return tuple.iter().map(|item| from_py(&item)).collect();
    }
    if obj.is_instance_of::<PyBytes>() {
        return Err(type_error(
            obj.py(),
            "bytes cannot be sent as JSON".to_owned(),
        ));
    }
    let type_name = obj.get_type().name()?;
    Err(type_error(
        obj.py(),
        format!("a {type_name} cannot be sent as JSON"),
    ))
}
