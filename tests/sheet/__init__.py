"""Tests of duizhao.sheet: the view data, the HTML page, the PDF, the page in a browser, the site."""
