//! Options given as blank text read the environment, as both official SDKs read
//! `api_key or env`. In a process of its own: it sets the process's environment.

// Test helpers fail loudly: an unwrap here is an assertion.
#![allow(clippy::unwrap_used)]

use lumnisai::{Client, ClientOptions, ErrorKind, ENV_API_KEY, ENV_BASE_URL, ENV_TENANT_ID};

const TENANT: &str = "11111111-2222-4333-8444-555555555555";

#[test]
fn blank_options_fall_back_to_the_environment() {
    std::env::set_var(ENV_API_KEY, "key-from-env");
    std::env::set_var(ENV_BASE_URL, "http://127.0.0.1:9");
    std::env::set_var(ENV_TENANT_ID, TENANT);

    let mut options = ClientOptions::new().api_key("");
    options.base_url = Some("  ".into());
    options.tenant_id = Some(String::new());
    let client = Client::new(options).unwrap();
    assert_eq!(client.base_url(), "http://127.0.0.1:9");
    assert_eq!(client.tenant_id(), Some(TENANT));

    // A value given wins over the environment; a bad one is still refused.
    let mut options = ClientOptions::new().api_key("k");
    options.base_url = Some("http://127.0.0.1:10".into());
    assert_eq!(
        Client::new(options).unwrap().base_url(),
        "http://127.0.0.1:10"
    );
    let mut options = ClientOptions::new().api_key("k");
    options.tenant_id = Some("not-a-uuid".into());
    assert_eq!(Client::new(options).unwrap_err().kind(), ErrorKind::Config);

    std::env::remove_var(ENV_API_KEY);
    let err = Client::new(ClientOptions::new().api_key(" ")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Config, "no key anywhere");
}
