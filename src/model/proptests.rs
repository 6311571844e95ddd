use proptest::prelude::*;

use super::{Acct, Address, Kind};

fn kind() -> impl Strategy<Value = Option<Kind>> {
    prop_oneof![
        Just(None),
        proptest::sample::select(Kind::ALL.to_vec()).prop_map(Some)
    ]
}

/// Inputs that look like addresses often enough to reach deep into the parsers.
fn addressish() -> impl Strategy<Value = String> {
    let scheme = proptest::sample::select(vec![
        "tel:", "sip:", "sips:", "xmpp:", "mailto:", "h323:", "https://", "acct:", "", "+",
    ]);
    (
        scheme,
        "[a-zA-Z0-9+().@:;/?=_ -]{0,40}",
        "[a-zA-Z0-9.-]{0,20}",
    )
        .prop_map(|(s, a, b)| format!("{s}{a}@{b}"))
}

proptest! {
    #[test]
    fn parse_never_panics(input in any::<String>(), k in kind()) {
        let _ = Address::parse(&input, k);
        let _ = Acct::parse(&input);
    }

    #[test]
    fn parse_never_panics_on_addressish(input in addressish(), k in kind()) {
        let _ = Address::parse(&input, k);
        let _ = Acct::parse(&input);
    }

    #[test]
    fn canonical_form_is_a_fixed_point(input in addressish(), k in kind()) {
        if let Ok(a) = Address::parse(&input, k) {
            let again = Address::parse(a.as_str(), None).expect("canonical output re-parses");
            prop_assert_eq!(&again, &a);
            let kinded = Address::parse(a.as_str(), Some(a.kind())).expect("re-parses with its kind");
            prop_assert_eq!(kinded, a);
        }
    }

    #[test]
    fn telephone_spellings_agree(digits in "[2-9][0-9]{2}[2-9][0-9]{6}") {
        let plain = Address::parse(&format!("tel:+1{digits}"), None);
        let spaced = Address::parse(
            &format!("+1 ({}) {}-{}", &digits[..3], &digits[3..6], &digits[6..]),
            None,
        );
        prop_assert_eq!(plain.clone().ok(), spaced.ok());
        if let Ok(a) = plain {
            prop_assert_eq!(a.as_str(), format!("tel:+1{digits}"));
        }
    }
}
