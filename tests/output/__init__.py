"""Tests of duizhao.output: the layer every writer shares."""
