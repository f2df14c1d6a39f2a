//! orders-json: build stock orders, write them as compact JSON, parse them back, total them.
//!
//! The generator is splitmix64 seeded with `seed`: `state += 0x9E3779B97F4A7C15` (mod 2^64),
//! then the output is `z = state`, `z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9`,
//! `z = (z ^ (z >> 27)) * 0x94D049BB133111EB`, `z ^ (z >> 31)`. Order i (i in 0..count) draws
//! five numbers r1..r5 in this order and is
//!
//! - `id`: i + 1
//! - `symbol`: `SYMBOLS[r1 % 10]`
//! - `side`: `BUY` if r2 is even, else `SELL`
//! - `type`: `MARKET`, `LIMIT`, `STOP` for r3 % 3 = 0, 1, 2
//! - `quantity`: 1 + r4 % 1000
//! - `price_cents`: 100 + r5 % 100000 (1.00 to 1000.99 in cents)
//! - `value_cents`: quantity * price_cents, the order's current value
//!
//! The orders are serialised as one compact JSON array of objects with the keys in that
//! order, parsed back into orders, and the parsed `value_cents` are summed. The output is
//! `bytes=<length of the JSON>\ntotal_cents=<sum>`. The twin, `twinbench/kernels/orders_json.py`,
//! writes byte-identical JSON with Python's `json` module and plain dicts and strings; here
//! side and type are enums that serde writes as the same strings.
//!
//! Length and total can be computed without writing any JSON, so the work digest folds in
//! the JSON bytes themselves (their Adler-32 and length), then the total.

use serde::{Deserialize, Serialize};

use super::Kernel;
use crate::{Digest, KernelError, Params, Run};

pub const SYMBOLS: [&str; 10] = [
    "AAPL", "MSFT", "GOOG", "AMZN", "NVDA", "META", "TSLA", "JPM", "V", "XOM",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Side {
    Buy,
    Sell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum OrderType {
    Market,
    Limit,
    Stop,
}

pub const SIDES: [Side; 2] = [Side::Buy, Side::Sell];
pub const ORDER_TYPES: [OrderType; 3] = [OrderType::Market, OrderType::Limit, OrderType::Stop];

/// One order; serde writes the fields in this order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    pub id: u64,
    pub symbol: String,
    pub side: Side,
    #[serde(rename = "type")]
    pub order_type: OrderType,
    pub quantity: u64,
    pub price_cents: u64,
    pub value_cents: u64,
}

/// splitmix64: a tiny, well-known 64-bit generator.
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// The `count` orders of generator `seed`.
pub fn build_orders(count: usize, seed: u64) -> Vec<Order> {
    let mut rng = SplitMix64::new(seed);
    let mut orders = Vec::with_capacity(count);
    for i in 0..count as u64 {
        let symbol = SYMBOLS[(rng.next_u64() % SYMBOLS.len() as u64) as usize].to_string();
        let side = SIDES[(rng.next_u64() % 2) as usize];
        let order_type = ORDER_TYPES[(rng.next_u64() % 3) as usize];
        let quantity = 1 + rng.next_u64() % 1000;
        let price_cents = 100 + rng.next_u64() % 100_000;
        orders.push(Order {
            id: i + 1,
            symbol,
            side,
            order_type,
            quantity,
            price_cents,
            value_cents: quantity * price_cents,
        });
    }
    orders
}

/// The orders of generator `seed` as compact JSON (the orders are dropped once written).
pub fn orders_to_json(count: usize, seed: u64) -> serde_json::Result<Vec<u8>> {
    serde_json::to_vec(&build_orders(count, seed))
}

/// The verified pair of a JSON text and the total parsed back from it.
fn report(json: &[u8], total: u64) -> Run {
    Run::text(
        format!("bytes={}\ntotal_cents={total}", json.len()),
        *Digest::new().push_bytes(json).push(total),
    )
}

/// Write the orders as JSON, parse them back and total their value (in cents; each order is
/// below 2^27, so the total of even 2^32 orders fits u64).
pub fn orders_json(count: usize, seed: u64) -> serde_json::Result<Run> {
    let json = orders_to_json(count, seed)?;
    let parsed: Vec<Order> = serde_json::from_slice(&json)?;
    let total = parsed.iter().map(|o| o.value_cents).sum();
    Ok(report(&json, total))
}

fn run(p: &Params) -> Result<Run, KernelError> {
    // Writing and parsing our own orders cannot fail; say so plainly if it ever does.
    orders_json(p.usize("count")?, p.u64("seed")?).map_err(|e| {
        KernelError::Unsupported(format!("orders-json: the JSON round trip failed: {e}"))
    })
}

pub const KERNEL: Kernel = Kernel::sequential("orders-json", run);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_reference_values() {
        // Seeded with 0: the first outputs of Vigna's reference splitmix64.c.
        let mut rng = SplitMix64::new(0);
        assert_eq!(rng.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(rng.next_u64(), 0x6E78_9E6A_A1B9_65F4);
        assert_eq!(rng.next_u64(), 0x06C4_5D18_8009_454F);
    }

    /// The exact text Python's `json.dumps(orders, separators=(",", ":"))` writes for
    /// `build_orders(3, 42)` in the twin (pasted from CPython): serde must match it byte for byte.
    const PYTHON_JSON_3_42: &str = concat!(
        r#"[{"id":1,"symbol":"AMZN","side":"SELL","type":"MARKET","quantity":765,"price_cents":63350,"value_cents":48462750},{"#,
        r#""id":2,"symbol":"GOOG","side":"SELL","type":"STOP","quantity":6,"price_cents":69074,"value_cents":414444},{"#,
        r#""id":3,"symbol":"JPM","side":"BUY","type":"STOP","quantity":496,"price_cents":25056,"value_cents":12427776}]"#
    );

    #[test]
    fn json_is_byte_identical_to_pythons() {
        let json = orders_to_json(3, 42).unwrap();
        assert_eq!(std::str::from_utf8(&json).unwrap(), PYTHON_JSON_3_42);
    }

    #[test]
    fn round_trip_keeps_every_order() {
        let orders = build_orders(50, 7);
        let back: Vec<Order> = serde_json::from_slice(&orders_to_json(50, 7).unwrap()).unwrap();
        assert_eq!(back, orders);
        assert!(
            orders
                .iter()
                .all(|o| o.value_cents == o.quantity * o.price_cents)
        );
        assert_eq!(
            orders_json(0, 1).unwrap().output.as_bytes(),
            b"bytes=2\ntotal_cents=0"
        ); // "[]"
    }

    #[test]
    fn less_work_changes_the_verified_pair() {
        // Other bytes of the same length and total: "side" and "type" swapped in every order.
        let json = orders_to_json(100, 42).unwrap();
        let text = String::from_utf8(json.clone()).unwrap();
        let swapped = text
            .split(r#","side":"#)
            .collect::<Vec<_>>()
            .join(r#","sid_":"#);
        let total = build_orders(100, 42).iter().map(|o| o.value_cents).sum();
        let (real, other) = (report(&json, total), report(swapped.as_bytes(), total));
        assert_eq!(real.output, other.output);
        assert_ne!(real.work, other.work);
        // No JSON written at all: nothing to fold in.
        assert_ne!(real.work, *Digest::new().push(total));
    }
}
