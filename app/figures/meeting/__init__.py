"""The meeting report: the office's figures for a period, as a PDF, a workbook and CSV."""
