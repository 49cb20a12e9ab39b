//! `cidrsubnet` and friends, for IPv4 and IPv6 (VPC modules compute every subnet with them).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::{integer, pair, triple};
use crate::value::Val;

/// A network: its address as a number, the prefix length, and the address width.
#[derive(Clone, Copy)]
struct Net {
    addr: u128,
    len: u32,
    bits: u32,
}

impl Net {
    fn parse(text: &str) -> Option<Net> {
        let (ip, len) = text.split_once('/')?;
        let len: u32 = len.parse().ok()?;
        let (addr, bits) = match ip.parse::<IpAddr>().ok()? {
            IpAddr::V4(v4) => (u128::from(u32::from(v4)), 32),
            IpAddr::V6(v6) => (u128::from(v6), 128),
        };
        if len > bits {
            return None;
        }
        Some(Net {
            addr: addr & mask(len, bits),
            len,
            bits,
        })
    }

    fn ip_text(&self, addr: u128) -> String {
        if self.bits == 32 {
            Ipv4Addr::from(addr as u32).to_string()
        } else {
            Ipv6Addr::from(addr).to_string()
        }
    }

    fn text(&self) -> String {
        format!("{}/{}", self.ip_text(self.addr), self.len)
    }
}

fn all_ones(bits: u32) -> u128 {
    if bits == 128 {
        u128::MAX
    } else {
        (1u128 << bits) - 1
    }
}

/// The network mask of a prefix length within `bits`.
fn mask(len: u32, bits: u32) -> u128 {
    all_ones(bits) & !all_ones(bits - len)
}

fn subnet(net: Net, newbits: i64, num: i64) -> Option<Net> {
    let newbits = u32::try_from(newbits).ok()?;
    let len = net.len.checked_add(newbits)?;
    if len > net.bits || num < 0 {
        return None;
    }
    let num = num as u128;
    if newbits < 128 && num >> newbits != 0 {
        return None;
    }
    let shift = net.bits - len;
    let offset = if shift >= 128 { 0 } else { num << shift };
    Some(Net {
        addr: net.addr | offset,
        len,
        bits: net.bits,
    })
}

pub(super) fn cidrsubnet(args: Vec<Val>) -> Option<Val> {
    let (prefix, newbits, num) = triple(args)?;
    let net = Net::parse(&prefix.to_str()?)?;
    let sub = subnet(net, integer(&newbits)?, integer(&num)?)?;
    Some(Val::String(sub.text()))
}

pub(super) fn cidrhost(args: Vec<Val>) -> Option<Val> {
    let (prefix, num) = pair(args)?;
    let net = Net::parse(&prefix.to_str()?)?;
    let num = integer(&num)?;
    let host_bits = net.bits - net.len;
    let size: u128 = if host_bits >= 128 {
        u128::MAX
    } else {
        1u128 << host_bits
    };
    let offset = if num < 0 {
        size.checked_sub(num.unsigned_abs() as u128)?
    } else {
        num as u128
    };
    if offset >= size {
        return None;
    }
    Some(Val::String(net.ip_text(net.addr | offset)))
}

pub(super) fn cidrnetmask(args: Vec<Val>) -> Option<Val> {
    let net = Net::parse(&super::single(args)?.to_str()?)?;
    if net.bits != 32 {
        return None;
    }
    Some(Val::String(net.ip_text(mask(net.len, 32))))
}

/// Consecutive subnets of the given extra bits, each starting after the previous one, as
/// Terraform allocates them.
pub(super) fn cidrsubnets(args: Vec<Val>) -> Option<Val> {
    let mut args = args.into_iter();
    let net = Net::parse(&args.next()?.to_str()?)?;
    let all = all_ones(net.bits);
    let last_of = |addr: u128, len: u32| addr | (all & !mask(len, net.bits));
    // Start from the block of the prefix's own size just before it.
    let mut current = Net {
        addr: net.addr.wrapping_sub(1) & all & mask(net.len, net.bits),
        len: net.len,
        bits: net.bits,
    };
    let mut out = Vec::new();
    for newbits in args {
        let len = net.len + u32::try_from(integer(&newbits)?).ok()?;
        if len > net.bits {
            return None;
        }
        let m = mask(len, net.bits);
        let start = last_of(current.addr, current.len) & m;
        let next = last_of(start, len).wrapping_add(1) & all;
        if next == 0 && net.addr != 0 {
            return None;
        }
        let next = next & m;
        // The new subnet must lie inside the prefix.
        if next & mask(net.len, net.bits) != net.addr {
            return None;
        }
        current = Net {
            addr: next,
            len,
            bits: net.bits,
        };
        out.push(Val::String(current.text()));
    }
    Some(Val::List(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> Val {
        Val::String(x.into())
    }

    fn n(x: f64) -> Val {
        Val::Number(x)
    }

    #[test]
    fn subnets_and_hosts() {
        assert_eq!(
            cidrsubnet(vec![s("10.0.0.0/16"), n(8.0), n(2.0)]),
            Some(s("10.0.2.0/24"))
        );
        assert_eq!(
            cidrsubnet(vec![s("10.1.2.3/16"), n(4.0), n(15.0)]),
            Some(s("10.1.240.0/20"))
        );
        assert_eq!(cidrsubnet(vec![s("10.0.0.0/16"), n(8.0), n(256.0)]), None);
        assert_eq!(
            cidrsubnet(vec![s("fd00:fd12:3456:7890::/56"), n(16.0), n(162.0)]),
            Some(s("fd00:fd12:3456:7800:a200::/72"))
        );
        assert_eq!(
            cidrhost(vec![s("10.12.112.0/20"), n(16.0)]),
            Some(s("10.12.112.16"))
        );
        assert_eq!(
            cidrhost(vec![s("10.12.112.0/20"), n(-1.0)]),
            Some(s("10.12.127.255"))
        );
        assert_eq!(
            cidrnetmask(vec![s("172.16.0.0/12")]),
            Some(s("255.240.0.0"))
        );
        assert_eq!(
            cidrsubnets(vec![s("10.1.0.0/16"), n(4.0), n(4.0), n(8.0), n(4.0)]),
            Some(Val::List(vec![
                s("10.1.0.0/20"),
                s("10.1.16.0/20"),
                s("10.1.32.0/24"),
                s("10.1.48.0/20")
            ]))
        );
    }
}
