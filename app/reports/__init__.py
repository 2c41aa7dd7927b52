"""PDF documents made with ReportLab: queue slips, receipts, visit and meeting reports."""
