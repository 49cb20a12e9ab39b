enable_recovery = true
