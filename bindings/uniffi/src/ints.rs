//! The integers of the surface are signed, the core's unsigned: Kotlin sees `u32` and `u64`
//! as `UInt` and `ULong`, which take `1u` literals, do not compare with an `Int` and do not
//! exist for Java. Pages, limits, retries, statuses and line numbers cross as `i32`; totals,
//! offsets, sizes, counts and milliseconds as `i64`.

use std::fmt::Display;

use lumnisai::ErrorKind;

/// An argument in the core's unsigned type. Only a negative value fails (every signed
/// argument fits the core's type of at least its width): a `kind` error naming the
/// parameter, raised before any request. `kind` is `Config` for client options, as the core
/// uses for its own bad options, and `Validation` for a call's arguments.
pub(crate) fn unsigned<S, U>(kind: ErrorKind, name: &str, value: S) -> lumnisai::Result<U>
where
    S: Copy + Display,
    U: TryFrom<S>,
{
    U::try_from(value)
        .map_err(|_| lumnisai::Error::new(kind, format!("{name} must not be negative: {value}")))
}

/// As [`unsigned`], for an optional argument.
pub(crate) fn unsigned_opt<S, U>(
    kind: ErrorKind,
    name: &str,
    value: Option<S>,
) -> lumnisai::Result<Option<U>>
where
    S: Copy + Display,
    U: TryFrom<S>,
{
    value.map(|v| unsigned(kind, name, v)).transpose()
}

/// A count of the core as an `i32`; one past `i32::MAX` (never a real page or line) is
/// `i32::MAX` rather than a panic or a negative number.
pub(crate) fn int<U>(value: U) -> i32
where
    i32: TryFrom<U>,
{
    i32::try_from(value).unwrap_or(i32::MAX)
}

/// A count of the core as an `i64`, saturating as [`int`] does.
pub(crate) fn long<U>(value: U) -> i64
where
    i64: TryFrom<U>,
{
    i64::try_from(value).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_negative_argument_names_its_parameter() {
        let err = unsigned::<i32, u32>(ErrorKind::Validation, "pageSize", -1).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Validation);
        assert_eq!(err.message(), "pageSize must not be negative: -1");
        let err = unsigned_opt::<i64, u64>(ErrorKind::Config, "timeoutMs", Some(-5)).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Config);
        assert!(err.message().contains("timeoutMs"), "{}", err.message());
    }

    #[test]
    fn every_other_argument_converts() {
        let top: Option<u32> = unsigned(ErrorKind::Validation, "x", i32::MAX).ok();
        assert_eq!(top, Some(2_147_483_647));
        let zero: Option<u64> = unsigned(ErrorKind::Validation, "x", 0i32).ok();
        assert_eq!(zero, Some(0));
        let unset: Option<Option<u64>> = unsigned_opt(ErrorKind::Config, "x", None::<i64>).ok();
        assert_eq!(unset, Some(None));
    }

    #[test]
    fn large_outputs_saturate() {
        assert_eq!(int(u32::MAX), i32::MAX);
        assert_eq!(int(u64::MAX), i32::MAX);
        assert_eq!(int(7u64), 7);
        assert_eq!(int(404u16), 404);
        assert_eq!(long(u64::MAX), i64::MAX);
        assert_eq!(long(u128::MAX), i64::MAX);
        assert_eq!(long(42u64), 42);
    }
}
