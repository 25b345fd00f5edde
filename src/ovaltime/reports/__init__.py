"""What a competition hands out: PDF result lists, written race reports and charts.

Reports are built from core values (``Competition``, ``Race``, ``Classification``,
``SeriesStandings``), never from SQL or files: the faces (``web``, ``cli``) load the values and
hand them over. The drawing libraries (reportlab for the PDF documents, matplotlib for the
charts) are imported by the modules that draw, never by this package, so that importing
``ovaltime.reports`` costs nothing.

* ``ovaltime.reports.pdf``: start list, result list, classification list, standings list.
* ``ovaltime.reports.charts``: lap times, passage gaps to the leader, classification progression.
"""
