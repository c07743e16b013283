"""A lecture for every student: ``make class ROSTER=roster.csv`` (issue 21).

Each student of a roster gets examples of their own (:mod:`.personal`), their narrated
lecture rendered as tasks on Dask distributed (:mod:`.tasks`, :mod:`.cluster`,
:mod:`.run`), their own notebook (:mod:`.notebook`), and the teacher an answer key and
an offline index page (:mod:`.pages`). The roster is read by :mod:`.roster`.
"""
