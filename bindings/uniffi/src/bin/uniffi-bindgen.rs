//! The uniffi bindgen, built in-tree so `cargo run --bin uniffi-bindgen` generates the Swift
//! and Kotlin sources with the exact uniffi version the library was built with.

fn main() {
    uniffi::uniffi_bindgen_main()
}
