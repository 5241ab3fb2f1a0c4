"""The API's operations, from the apps that own them (decision 0017).

Each app with operations in the HTTP API keeps them in its own `api.py`, as a django-ninja
`Router`, and registers that module's path here from its `contributions.py`, as a string:
registering imports no ninja and no pydantic, so a worker that never answers /api/ never
loads them (tests/core/test_worker_memory.py). `coplan.api.endpoints` imports each
registered module and adds its `router` when a worker first answers the API, in `order`.
The shared parts an app's router uses (paging, problems) are in `coplan.core.api_parts`.
"""

from coplan.core.registry import Registry

# The dotted path of a module with a `router` (a `ninja.Router`).
API_ROUTERS: Registry[str] = Registry("API routers")
