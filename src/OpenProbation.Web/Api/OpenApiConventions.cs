namespace OpenProbation.Web;

/// <summary>Response descriptions for the OpenAPI document, so clients see each endpoint's shapes and problems.</summary>
internal static class OpenApiConventions
{
    public static RouteHandlerBuilder Lists<T>(this RouteHandlerBuilder builder) =>
        builder.Produces<PagedList<T>>().ProducesValidationProblem();

    public static RouteHandlerBuilder Reads<T>(this RouteHandlerBuilder builder) =>
        builder.Produces<T>().ProducesProblem(StatusCodes.Status404NotFound);

    public static RouteHandlerBuilder Creates<T>(this RouteHandlerBuilder builder) =>
        builder.Produces<T>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    public static RouteHandlerBuilder Updates<T>(this RouteHandlerBuilder builder) =>
        builder.Produces<T>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
}
