guardduty_enabled = true
