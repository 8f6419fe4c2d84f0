//! Layouts and fonts are embedded with `include_dir!`, which cannot tell
//! cargo about files added later. Watching the folders here makes a new
//! layout or font folder trigger a rebuild like any edited source file.

fn main() {
    println!("cargo:rerun-if-changed=layouts");
    println!("cargo:rerun-if-changed=fonts");
}
