//! soc2gate
