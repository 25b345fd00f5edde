"""The web face of ovaltime: the FastAPI application, its JSON API and access control.

``ovaltime.web.app.create_app`` builds the application. Nothing below the faces imports this
package; it calls the services to write and the store's repositories, core and views to read.
"""
