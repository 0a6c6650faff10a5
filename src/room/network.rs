//! The addresses the room can be served on: the machine's address on the
//! local network (the one its default route uses) and the loopback.

use std::net::{IpAddr, Ipv4Addr, UdpSocket};

/// The addresses to offer, the LAN one first. Finding it sends nothing:
/// connecting a UDP socket only picks the route.
pub fn addresses() -> Vec<IpAddr> {
    let mut out = Vec::new();
    // A documentation address (TEST-NET-1): no packet is sent to it.
    let lan = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0))
        .and_then(|s| s.connect((Ipv4Addr::new(192, 0, 2, 1), 9)).map(|()| s))
        .and_then(|s| s.local_addr())
        .map(|a| a.ip());
    if let Ok(ip) = lan
        && !ip.is_loopback()
        && !ip.is_unspecified()
    {
        out.push(ip);
    }
    out.push(IpAddr::V4(Ipv4Addr::LOCALHOST));
    out
}
