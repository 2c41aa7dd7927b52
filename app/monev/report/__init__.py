"""The printed visit report: its data, words, chapters and renderer."""
