//! The source-address allow-list.

use std::net::IpAddr;

use paystack::webhook::{IpAllowList, PAYSTACK_WEBHOOK_IPS};

use crate::common::webhook;

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

#[test]
fn paystack_addresses_are_allowed_by_default() {
    let hook = webhook();
    for addr in ["52.31.139.75", "52.49.173.169", "52.214.14.220"] {
        assert!(hook.is_allowed_ip(ip(addr)), "{addr}");
    }
    assert!(!hook.is_allowed_ip(ip("52.31.139.76")));
    assert!(!hook.is_allowed_ip(ip("127.0.0.1")));
    assert_eq!(hook.allowed_ips().ips(), &PAYSTACK_WEBHOOK_IPS);
    assert_eq!(IpAllowList::default(), IpAllowList::paystack());
}

#[test]
fn ipv4_mapped_ipv6_matches() {
    assert!(webhook().is_allowed_ip(ip("::ffff:52.49.173.169")));
    assert!(!webhook().is_allowed_ip(ip("::ffff:10.0.0.1")));
}

#[test]
fn the_list_can_be_replaced_from_configuration() {
    let list: IpAllowList = "10.1.2.3, 2001:db8::7 192.0.2.1,".parse().unwrap();
    assert_eq!(list.ips().len(), 3);
    let hook = webhook().with_allowed_ips(list);
    assert!(hook.is_allowed_ip(ip("10.1.2.3")));
    assert!(hook.is_allowed_ip(ip("2001:db8::7")));
    assert!(!hook.is_allowed_ip(ip("52.31.139.75")));
    assert!(IpAllowList::parse("10.1.2.300").is_err());
    assert!(IpAllowList::new([]).ips().is_empty());
}
