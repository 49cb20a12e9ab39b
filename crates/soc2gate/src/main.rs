//! The `soc2gate` binary: everything lives in the library so it can be tested.

use std::process::ExitCode;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    soc2gate::run(std::env::args_os())
}
