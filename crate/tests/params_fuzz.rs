//! RELIABILITY.md 14: every kernel's parameter parser answers any JSON value with a value in
//! range or a BadParam error, never a panic (proptest: random values for every parameter of
//! every workload). The wasm exports parse with this same code (`Params::from_json`).
// Native only: proptest is a native dev-dependency (wasm-pack test builds every test target).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use twinbench::catalog::{ParamKind, WORKLOADS};
use twinbench::{KernelError, Params};

/// Any JSON value a stranger's link or script could send, rendered as JSON text.
fn json_value() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<i64>().prop_map(|v| v.to_string()),
        any::<f64>()
            .prop_filter("JSON has no NaN or infinity", |v| v.is_finite())
            .prop_map(|v| format!("{v:e}")),
        (-100i64..100).prop_map(|v| v.to_string()),
        Just("1e400".to_string()),
        Just("-0".to_string()),
        Just("null".to_string()),
        Just("true".to_string()),
        Just("[1]".to_string()),
        Just("{}".to_string()),
        "[a-z<>\"\\\\]{0,40}".prop_map(|s| serde_json::to_string(&s).unwrap()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]
    #[test]
    fn any_value_for_any_parameter_is_a_value_in_range_or_bad_param(w in 0..WORKLOADS.len(), p in 0..8usize, v in json_value()) {
        let spec = &WORKLOADS[w];
        let Some(param) = spec.params.get(p % spec.params.len().max(1)) else { return Ok(()) };
        let json = format!("{{\"{}\": {}}}", param.name, v);
        match Params::from_json(spec, &json) {
            Ok(params) => match param.kind {
                ParamKind::Int { min, max, .. } => {
                    let got = params.int(param.name);
                    prop_assert!(got >= min && got <= max, "{} {} accepted {}", spec.id, param.name, v);
                }
                ParamKind::Float { min, max, .. } => {
                    let got = params.float(param.name);
                    prop_assert!(got.is_finite() && got >= min && got <= max);
                }
                ParamKind::Choice { choices, .. } => prop_assert!(choices.contains(&params.choice(param.name))),
            },
            Err(KernelError::BadParam(message)) => prop_assert!(message.contains(param.name) || message.contains("not valid JSON"), "{message}"),
            Err(other) => prop_assert!(false, "{} {}={}: {:?} is not BadParam", spec.id, param.name, v, other),
        }
    }
}
