"""Tests of the term bank (duizhao.bank) and its command line (duizhao.cli.bank)."""
