//! Parameters checked against the catalog before anything runs. The same rules, and the
//! same messages, live in `pyodide_glue/twinbench/params.py` and `web/src/shared/params.ts`;
//! `tests/golden/params.json` holds the cases all three are tested against.
//!
//! Kernels read their values through the typed accessors (`p.u32("n")`, `p.usize("n")`, ...),
//! which refuse a value that does not fit the kernel's type instead of truncating it; a unit
//! test checks every catalog range against the types the kernels ask for.

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

/// An integer type a kernel can take a parameter as.
pub trait IntParam: Sized {
    const NAME: &'static str;
    const MIN: i128;
    const MAX: i128;
    fn from_i64(v: i64) -> Option<Self>;
}

macro_rules! int_param {
    ($($t:ty),*) => {$(
        impl IntParam for $t {
            const NAME: &'static str = stringify!($t);
            const MIN: i128 = <$t>::MIN as i128;
            const MAX: i128 = <$t>::MAX as i128;
            fn from_i64(v: i64) -> Option<Self> {
                <$t>::try_from(v).ok()
            }
        }
    )*};
}
int_param!(u8, u32, u64, i64);

/// usize is 32 bits on wasm32: the catalog must fit the smallest target the kernels run on.
impl IntParam for usize {
    const NAME: &'static str = "usize (32 bits on wasm32)";
    const MIN: i128 = 0;
    const MAX: i128 = u32::MAX as i128;
    fn from_i64(v: i64) -> Option<Self> {
        usize::try_from(v).ok()
    }
}

/// In unit tests, which parameter each kernel asked for as which type (`kernels::tests`
/// checks the catalog ranges against them).
#[cfg(test)]
pub(crate) mod asked {
    use std::cell::RefCell;

    /// (workload, parameter, type name, type min, type max)
    pub type Ask = (&'static str, &'static str, &'static str, i128, i128);

    thread_local! {
        static ASKED: RefCell<Vec<Ask>> = const { RefCell::new(Vec::new()) };
    }

    pub fn record(ask: Ask) {
        ASKED.with(|a| a.borrow_mut().push(ask));
    }

    pub fn take() -> Vec<Ask> {
        ASKED.with(|a| std::mem::take(&mut *a.borrow_mut()))
    }
}

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

    /// The raw catalog integer; kernels take theirs through the typed accessors below.
    pub fn int(&self, name: &str) -> i64 {
        match self.get(name) {
            Value::Int(v) => v,
            v => panic!("parameter {name} of {} is {v}, not an int", self.spec.id),
        }
    }

    /// An int parameter as the kernel's type `T`, or `BadParam` if the value does not fit it.
    pub fn int_as<T: IntParam>(&self, name: &'static str) -> Result<T, KernelError> {
        self.int_in(name, T::NAME, T::MIN, T::MAX)
    }

    /// An int parameter as `T` within `lo..=hi` (a kernel's own limit, named `what`), or
    /// `BadParam`.
    fn int_in<T: IntParam>(
        &self,
        name: &'static str,
        what: &str,
        lo: i128,
        hi: i128,
    ) -> Result<T, KernelError> {
        let v = self.int(name);
        #[cfg(test)]
        asked::record((self.spec.id, name, T::NAME, lo.max(T::MIN), hi.min(T::MAX)));
        let fits = (lo..=hi).contains(&i128::from(v));
        fits.then(|| T::from_i64(v)).flatten().ok_or_else(|| {
            KernelError::BadParam(format!(
                "parameter {name} of {} is {v}, which does not fit the Rust kernel's {what}",
                self.spec.id
            ))
        })
    }

    /// A usize parameter within the kernel's own limits `lo..=hi` (an array size, say).
    pub fn usize_in(&self, name: &'static str, lo: usize, hi: usize) -> Result<usize, KernelError> {
        let what = format!("range {lo}..={hi}");
        self.int_in(name, &what, lo as i128, hi as i128)
    }

    pub fn u32(&self, name: &'static str) -> Result<u32, KernelError> {
        self.int_as(name)
    }

    pub fn u64(&self, name: &'static str) -> Result<u64, KernelError> {
        self.int_as(name)
    }

    pub fn usize(&self, name: &'static str) -> Result<usize, KernelError> {
        self.int_as(name)
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

    /// `tests/golden/params.json`: the cases the three validators share.
    fn table() -> serde_json::Value {
        serde_json::from_str(include_str!("../../tests/golden/params.json")).unwrap()
    }

    fn to_json(v: Value) -> serde_json::Value {
        match v {
            Value::Int(i) => serde_json::json!(i),
            Value::Float(f) => serde_json::json!(f),
            Value::Choice(c) => serde_json::json!(c),
        }
    }

    /// What a case expects: `valid` (checked by `valid`), or a fragment of the error message.
    fn check_case(
        case: &serde_json::Value,
        got: Result<Params, KernelError>,
        valid: impl Fn(&Params, &serde_json::Value) -> bool,
    ) {
        match (got, case.get("valid"), case["error"].as_str()) {
            (Ok(params), Some(want), None) => assert!(valid(&params, want), "{case}: {params:?}"),
            (Err(e), None, Some(want)) => {
                let e = e.to_string();
                assert!(e.contains(want), "{case}: got {e:?}");
            }
            (got, ..) => panic!("{case}: got {got:?}"),
        }
    }

    #[test]
    fn json_cases_of_the_shared_table() {
        for case in table()["json"].as_array().unwrap() {
            let got = workload(case["workload"].as_str().unwrap())
                .and_then(|spec| Params::from_json(spec, &case["params"].to_string()));
            // `valid` is the complete set of parameters, defaults filled in.
            check_case(case, got, |params, want| {
                let all: serde_json::Map<String, serde_json::Value> = params
                    .iter()
                    .map(|(name, v)| (name.to_string(), to_json(v)))
                    .collect();
                serde_json::Value::Object(all) == *want
            });
        }
    }

    #[test]
    fn string_cases_of_the_shared_table() {
        for case in table()["strings"].as_array().unwrap() {
            let name = case["param"].as_str().unwrap();
            let got = workload(case["workload"].as_str().unwrap()).and_then(|spec| {
                Params::from_strings(spec, [(name, case["raw"].as_str().unwrap())])
            });
            // `valid` is the one value the string parses to.
            check_case(case, got, |params, want| to_json(params.get(name)) == *want);
        }
    }

    #[test]
    fn decimal_float_grammar_of_the_shared_table() {
        let grammar = &table()["float_grammar"];
        for ok in grammar["accept"].as_array().unwrap() {
            assert!(is_decimal_float(ok.as_str().unwrap()), "{ok}");
        }
        for no in grammar["reject"].as_array().unwrap() {
            assert!(!is_decimal_float(no.as_str().unwrap()), "{no}");
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
