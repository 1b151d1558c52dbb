//! madoguchi: the terminal console of the Kumamoto SME Digital Consultation Desk.
//!
//! Layers, dependencies pointing one way: `domain` ← `store` ← `app` ← `ui` ← the binary's `commands`.

pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
pub mod demo;
pub mod domain;
pub mod export;
pub mod import;
pub mod logging;
pub mod paths;
pub mod screens;
pub mod store;
pub mod ui;
