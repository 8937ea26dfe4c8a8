"""What a site says about risks: front matter statuses, the ledger, assessments, the register."""
