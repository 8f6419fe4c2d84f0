//! Stages 1 and 2: the profile format, reading it, and checking its values.

mod de;
pub mod load;
pub mod model;
mod tree;
pub mod validate;
