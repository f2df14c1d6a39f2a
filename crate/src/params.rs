//! Parameters checked against the catalog before anything runs. The same rules, and the
//! same messages, live in `pyodide_glue/twinbench/params.py` and `web/src/engine/params.ts`.

use crate::KernelError;
use crate::catalog::{ParamKind, ParamSpec, WorkloadSpec};

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Int(i64),
    Float(f64),
    Choice(&'static str),
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Int(v) => write!(f, "{v}"),
            Value::Float(v) => write!(f, "{v}"),
            Value::Choice(v) => f.write_str(v),
        }
    }
}

/// A full, validated set of parameters for one workload, in catalog order.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    pub spec: &'static WorkloadSpec,
    values: Vec<Value>,
}

/// Integers must survive JSON and JavaScript numbers unchanged.
const SAFE_INT: i64 = (1 << 53) - 1;

fn bad(spec: &WorkloadSpec, p: &ParamSpec, what: String) -> KernelError {
    KernelError::BadParam(format!("parameter {} of {} {what}", p.name, spec.id))
}

fn is_decimal_int(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    !digits.is_empty() && digits.len() <= 18 && digits.bytes().all(|b| b.is_ascii_digit())
}

/// A plain decimal float: no `inf`, `nan`, spaces or underscores (so Rust and Python agree).
fn is_decimal_float(s: &str) -> bool {
    let s = s.strip_prefix(['-', '+']).unwrap_or(s);
    let (mantissa, exp) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = (!int.is_empty() || !frac.is_empty()) && digits(int) && digits(frac);
    let exp_ok = exp.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && e.len() <= 4 && digits(e)
    });
    mantissa_ok && exp_ok
}

fn check_int(spec: &WorkloadSpec, p: &ParamSpec, v: i64) -> Result<Value, KernelError> {
    match p.kind {
        ParamKind::Int { min, max, .. } if (min..=max).contains(&v) => Ok(Value::Int(v)),
        ParamKind::Int { min, max, .. } => Err(bad(
            spec,
            p,
            format!("must be between {min} and {max}, got {v}"),
        )),
        _ => unreachable!("check_int on a non-int parameter"),
    }
}

fn check_float(spec: &WorkloadSpec, p: &ParamSpec, v: f64) -> Result<Value, KernelError> {
    let ParamKind::Float { min, max, .. } = p.kind else {
        unreachable!("check_float on a non-float parameter")
    };
    if !v.is_finite() {
        return Err(bad(spec, p, format!("must be a finite number, got {v}")));
    }
    if !(min..=max).contains(&v) {
        return Err(bad(
            spec,
            p,
            format!("must be between {min} and {max}, got {v}"),
        ));
    }
    Ok(Value::Float(v))
}

fn check_choice(spec: &WorkloadSpec, p: &ParamSpec, v: &str) -> Result<Value, KernelError> {
    let ParamKind::Choice { choices, .. } = p.kind else {
        unreachable!("check_choice on a non-choice parameter")
    };
    match choices.iter().find(|c| **c == v) {
        Some(c) => Ok(Value::Choice(c)),
        None => Err(bad(
            spec,
            p,
            format!("must be one of {}, got '{v}'", choices.join(", ")),
        )),
    }
}

impl Params {
    /// Every parameter at its catalog default.
    pub fn defaults(spec: &'static WorkloadSpec) -> Params {
        let values = spec
            .params
            .iter()
            .map(|p| match p.kind {
                ParamKind::Int { default, .. } => Value::Int(default),
                ParamKind::Float { default, .. } => Value::Float(default),
                ParamKind::Choice { default, .. } => Value::Choice(default),
            })
            .collect();
        Params { spec, values }
    }

    fn slot(&self, name: &str) -> Result<usize, KernelError> {
        self.spec
            .params
            .iter()
            .position(|p| p.name == name)
            .ok_or_else(|| {
                let allowed: Vec<&str> = self.spec.params.iter().map(|p| p.name).collect();
                let allowed = if allowed.is_empty() {
                    "none".to_string()
                } else {
                    allowed.join(", ")
                };
                KernelError::BadParam(format!(
                    "unknown parameter '{name}' for {}; allowed: {allowed}",
                    self.spec.id
                ))
            })
    }

    /// Parameters from a JSON object such as `{"n": 30}`; missing ones take their default.
    pub fn from_json(spec: &'static WorkloadSpec, json: &str) -> Result<Params, KernelError> {
        let parsed: serde_json::Value = serde_json::from_str(json).map_err(|e| {
            KernelError::BadParam(format!("parameters of {} are not valid JSON: {e}", spec.id))
        })?;
        let serde_json::Value::Object(map) = parsed else {
            return Err(KernelError::BadParam(format!(
                "parameters of {} must be a JSON object",
                spec.id
            )));
        };
        let mut params = Params::defaults(spec);
        for (name, raw) in &map {
            let i = params.slot(name)?;
            let p = &spec.params[i];
            params.values[i] = match (&p.kind, raw) {
                (ParamKind::Int { .. }, serde_json::Value::Number(n)) => match n.as_i64() {
                    Some(v) if v.abs() <= SAFE_INT => check_int(spec, p, v)?,
                    _ => return Err(bad(spec, p, format!("must be an integer, got {n}"))),
                },
                (ParamKind::Float { .. }, serde_json::Value::Number(n)) => match n.as_f64() {
                    Some(v) => check_float(spec, p, v)?,
                    None => return Err(bad(spec, p, format!("must be a finite number, got {n}"))),
                },
                (ParamKind::Choice { .. }, serde_json::Value::String(s)) => {
                    check_choice(spec, p, s)?
                }
                (ParamKind::Int { .. }, other) => {
                    return Err(bad(spec, p, format!("must be an integer, got {other}")));
                }
                (ParamKind::Float { .. }, other) => {
                    return Err(bad(spec, p, format!("must be a number, got {other}")));
                }
                (ParamKind::Choice { .. }, other) => {
                    return Err(bad(spec, p, format!("must be a string, got {other}")));
                }
            };
        }
        Ok(params)
    }

    /// Parameters from command-line strings (`--n 30` gives `("n", "30")`).
    pub fn from_strings<'a>(
        spec: &'static WorkloadSpec,
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Params, KernelError> {
        let mut params = Params::defaults(spec);
        for (name, raw) in pairs {
            let i = params.slot(name)?;
            let p = &spec.params[i];
            params.values[i] = match p.kind {
                ParamKind::Int { .. } if is_decimal_int(raw) => match raw.parse::<i64>() {
                    Ok(v) if v.abs() <= SAFE_INT => check_int(spec, p, v)?,
                    _ => return Err(bad(spec, p, format!("must be an integer, got '{raw}'"))),
                },
                ParamKind::Int { .. } => {
                    return Err(bad(spec, p, format!("must be an integer, got '{raw}'")));
                }
                ParamKind::Float { .. } if is_decimal_float(raw) => match raw.parse::<f64>() {
                    Ok(v) => check_float(spec, p, v)?,
                    Err(_) => return Err(bad(spec, p, format!("must be a number, got '{raw}'"))),
                },
                ParamKind::Float { .. } => {
                    return Err(bad(spec, p, format!("must be a number, got '{raw}'")));
                }
                ParamKind::Choice { .. } => check_choice(spec, p, raw)?,
            };
        }
        Ok(params)
    }

    fn get(&self, name: &str) -> Value {
        match self.slot(name) {
            Ok(i) => self.values[i],
            // A kernel asking for a parameter its catalog entry lacks is a bug in this crate.
            Err(e) => panic!("{e}"),
        }
    }

    pub fn int(&self, name: &str) -> i64 {
        match self.get(name) {
            Value::Int(v) => v,
            v => panic!("parameter {name} of {} is {v}, not an int", self.spec.id),
        }
    }

    pub fn float(&self, name: &str) -> f64 {
        match self.get(name) {
            Value::Float(v) => v,
            v => panic!("parameter {name} of {} is {v}, not a float", self.spec.id),
        }
    }

    pub fn choice(&self, name: &str) -> &'static str {
        match self.get(name) {
            Value::Choice(v) => v,
            v => panic!("parameter {name} of {} is {v}, not a choice", self.spec.id),
        }
    }

    /// (name, value) in catalog order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, Value)> + '_ {
        self.spec
            .params
            .iter()
            .map(|p| p.name)
            .zip(self.values.iter().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::workload;

    #[test]
    fn defaults_and_json_override() {
        let spec = workload("fib").unwrap();
        assert_eq!(Params::defaults(spec).int("n"), 27);
        assert_eq!(
            Params::from_json(spec, r#"{"n": 10}"#).unwrap().int("n"),
            10
        );
    }

    #[test]
    fn rejects_with_a_message_that_says_what_is_allowed() {
        let spec = workload("fib").unwrap();
        let cases = [
            (r#"{"n": 51}"#, "must be between 0 and 50, got 51"),
            (r#"{"n": -1}"#, "must be between 0 and 50, got -1"),
            (r#"{"n": 3.5}"#, "must be an integer, got 3.5"),
            (r#"{"n": "7"}"#, "must be an integer, got \"7\""),
            (r#"{"n": 1e400}"#, "not valid JSON"),
            (r#"{"m": 1}"#, "unknown parameter 'm' for fib; allowed: n"),
            (r#"[1]"#, "must be a JSON object"),
            (r#"{"n": 99999999999999999999}"#, "must be an integer"),
        ];
        for (json, want) in cases {
            let err = Params::from_json(spec, json).unwrap_err().to_string();
            assert!(err.contains(want), "{json}: {err}");
        }
    }

    #[test]
    fn strings_are_strict_decimal() {
        let spec = workload("fib").unwrap();
        assert_eq!(
            Params::from_strings(spec, [("n", "12")]).unwrap().int("n"),
            12
        );
        for raw in [
            "",
            "1.0",
            " 1",
            "1_0",
            "0x10",
            "+1",
            "ten",
            "99999999999999999999",
        ] {
            assert!(Params::from_strings(spec, [("n", raw)]).is_err(), "{raw:?}");
        }
    }

    #[test]
    fn decimal_float_grammar() {
        for ok in ["1", "1.", ".5", "-2.5e3", "+1E-2", "0.0"] {
            assert!(is_decimal_float(ok), "{ok}");
        }
        for no in [
            "", ".", "inf", "nan", "1e", "1_0.0", " 1", "1.0.0", "--1", "1e99999",
        ] {
            assert!(!is_decimal_float(no), "{no}");
        }
    }

    #[test]
    fn unknown_workload_lists_the_known_ones() {
        let err = workload("nope").unwrap_err().to_string();
        assert!(
            err.starts_with("unknown workload 'nope'; known: fib"),
            "{err}"
        );
    }
}
