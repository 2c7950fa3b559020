//! Accessible names of embedded content, controls and links.

pub mod area_alt_missing;
pub mod iframe_title_missing;
pub mod input_image_alt_missing;
pub mod link_name_missing;
pub mod object_name_missing;
pub mod role_img_name_missing;
pub mod svg_img_name_missing;
