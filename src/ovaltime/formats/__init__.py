"""Readers and writers: competition document, CSV, ISU results text."""
