//! The sample directory `callsign serve --demo` loads into an empty database.

pub const NDJSON: &str = r#"{"handle":"alice","domain":"example.com","display_name":"Alice Example","addresses":[{"uri":"tel:+12125550100","label":"work"},{"uri":"sip:alice@example.com","priority":10},{"uri":"xmpp:alice@example.com","priority":20},{"uri":"mailto:alice@example.com","visibility":"authenticated"},{"uri":"https://example.com/~alice","priority":200}]}
{"handle":"bob","domain":"example.com","display_name":"Bob Example","addresses":[{"uri":"tel:+12125550101"},{"uri":"tel:+14155550199","label":"mobile","visibility":"authenticated"},{"uri":"sip:bob@example.com"},{"uri":"xmpp:bob@example.com","visibility":"private"}]}
{"handle":"carol","domain":"example.net","display_name":"Carol Unlisted","discoverable":false,"addresses":[{"uri":"tel:+442079460000","discoverable":false},{"uri":"sip:carol@example.net"},{"uri":"xmpp:carol@example.net"}]}
{"handle":"support","domain":"example.com","display_name":"Example Support","addresses":[{"uri":"tel:+18005550123"},{"uri":"sip:support@example.com"},{"uri":"mailto:support@example.com"},{"uri":"xmpp:support@example.com"}]}
"#;
