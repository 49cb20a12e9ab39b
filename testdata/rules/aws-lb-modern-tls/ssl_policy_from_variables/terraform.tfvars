overridden_to_old    = "ELBSecurityPolicy-TLS-1-0-2015-04"
overridden_to_modern = "ELBSecurityPolicy-TLS13-1-3-2021-06"
