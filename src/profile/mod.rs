//! Stages 1 and 2: the profile format, reading it, and checking its values.

pub mod load;
pub mod model;
pub mod validate;
