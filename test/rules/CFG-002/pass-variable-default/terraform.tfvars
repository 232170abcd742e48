escalation = false
